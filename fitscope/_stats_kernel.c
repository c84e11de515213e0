/* fitscope._stats_kernel: the CPU statistics kernel behind fitscope.tensor_stats.
 *
 * summarize_at(addresses, minus, lengths, kinds, bins, flags, out, threads) -> bytes
 *
 * For each tensor (its contiguous values, given by address) it writes one row of ``out`` (float64,
 * NSTATS + bins columns, the layout of fitscope.tensor_stats): finite count, NaN count, +Inf count,
 * then over the finite values as float64 the sum, sum of squares, sum of magnitudes, min, max and
 * the sum of squared deviations from the mean (corrected two-pass formula), the number of values
 * exactly 0, then the counts of np.histogram(finite, bins, range=(min, max)).
 *
 * One or two passes over the values, each in blocks that stay in L1:
 *   1. counts (finite, NaN, +Inf, zeros), float64 sums, min and max, and the centred second moment: per block, in the same
 *      loop around the chunk's mean so far (corrected formula), or, when the block's mean is far
 *      from it, in a second loop over the block (in L1) around the block's own; the blocks merged
 *      in order with Chan, Golub and LeVeque's formula, each mean kept as a double plus its
 *      correction so that the differences of means stay exact. The sum of squares is derived
 *      from it (M2 + sum^2 / n);
 *   2. only for a histogram: for each interior edge e_k of np.linspace(min, max, bins+1)
 *      (computed as numpy does), the number of values x >= e_k. Because numpy's edges increase
 *      strictly and its estimate of a bin is within one bin of the right one whenever a bin is
 *      at least 16 ulps of the largest magnitude wide (docs/decisions/0007-cpu-stats-kernel.md), its
 *      bin of x is the number of interior edges <= x: bin k holds C_k - C_{k+1}. For float32
 *      values, x >= e_k exactly when x >= E_k, the smallest float32 >= e_k, so the comparisons
 *      run in float32 (float16 and bfloat16 are widened to float32 exactly, block by block).
 *      Narrower bins (a range of a few ulps), and more than EDGES_MAX bins, take numpy's own
 *      algorithm, value by value.
 * A tensor is cut into chunks; partial results are kept per chunk and merged in chunk order, so
 * the result does not depend on the number of threads. The GIL is released during the work.
 *
 * The values are taken by address (no Python object per tensor). In difference mode (a non-zero `minus` address) summarises data[i] - minus[i], computed block by
 * block in the values' float type (float32 for the 16-bit kinds, widened first): a parameter's
 * update from its pre-step copy, without materialising the difference.
 *
 * The returned bytes say, per tensor, how its histogram was binned: 'F' edge counts, 'L' numpy's
 * algorithm, 'Z' a range that overflows float64 (every value in bin 0, as the torch path does),
 * '1' one distinct finite value or no finite value, '-' no histogram asked for.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if !defined(_WIN32) && (defined(__GNUC__) || defined(__clang__))
#include <pthread.h>
#define FS_THREADS 1
#else
#define FS_THREADS 0
#endif

/* Function clones for wider vectors, chosen at load time (GCC >= 11, which knows the x86-64-v3/v4
 * levels, on x86-64 Linux with glibc for the ifunc). Elsewhere: the compiler's baseline vectors. */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && defined(__x86_64__) && defined(__linux__) && \
    defined(__GLIBC__) && !defined(FS_NO_CLONES)
#define FS_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
/* No AVX-512 clone for the float32 edge counts: on AMD Zen 4 its masked compares were slower than AVX2's. */
#define FS_CLONES_AVX2 __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define FS_CLONES
#define FS_CLONES_AVX2
#endif

#if defined(_OPENMP) || defined(__GNUC__) || defined(__clang__)
#define FS_PRAGMA(x) _Pragma(#x)
#else
#define FS_PRAGMA(x)
#endif
#define FS_SIMD(clauses) FS_PRAGMA(omp simd clauses)

enum { C_FIN, C_NAN, C_POS, C_SUM, C_SSQ, C_ABS, C_MIN, C_MAX, C_M2, C_ZER, NSTATS };
enum { K_F32, K_F64, K_F16, K_BF16 };
enum { WANT_MOMENT = 1, WANT_HIST = 2 };
enum { M_NONE = '-', M_ONE = '1', M_FAST = 'F', M_LITERAL = 'L', M_OVERFLOW = 'Z' };

#define BLK 2048            /* elements per L1 block */
#define CHUNK (BLK * 64)    /* elements per chunk (unit of partial results and of threads) */
#define PARALLEL_MIN (1 << 20) /* fewer elements in a call: one thread */
#define PADDED(n) (((n) + 3) / 4 * 4)
#define STRIDE(bins) (PADDED(bins) + 4) /* counters and edges kept per chunk and per job */
#define EDGES_MAX 64           /* more bins: numpy's algorithm (the edge counts cost a comparison per edge) */

typedef struct {
    int64_t fin, nan, pos, zer;
    double sum, abs, min, max;
} P1;

/* Moments of a set of finite values: count, mean as hi + lo (hi a double, lo its correction: the
 * difference of two means is (hi_a - hi_b) + (lo_a - lo_b), exact when the his are close), and the
 * sum of squared deviations from the mean. */
typedef struct {
    double n, hi, lo, m2;
} Moments;

typedef struct {
    const char *data;
    const char *minus; /* difference mode: the values are data[i] - minus[i] (NULL: data[i]) */
    int64_t n;
    int kind;
    int mode;     /* histogram mode, decided after pass 1 */
    int64_t first_chunk, chunks;
    P1 s;
    double *edges;  /* numpy's edges 0..bins-1 (edge `bins` is never compared with) */
    double *inner;  /* interior edges 1..bins-1, then +Inf up to a multiple of 4 */
    float *inner32; /* the same rounded up to float32 (float32-compared kinds) */
} Job;

typedef struct {
    Job *job;
    int64_t start, len;
} Chunk;

typedef struct {
    Job *jobs;
    Chunk *chunks;
    int64_t nchunks;
    int bins, flags;
    P1 *p1;         /* per chunk */
    Moments *mom;   /* per chunk */
    int64_t *cnt;   /* per chunk: STRIDE(bins) counters */
    int64_t *scratch; /* 2 * bins counters for merging one job's chunks */
    int64_t next;   /* next chunk to take (atomic) */
    int phase;
} Work;

/* ------------------------------------------------------------------------------- conversions */

static inline float bits_to_float(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline float half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t em = h & 0x7fffu;
    uint32_t normal = (em << 13) + ((uint32_t)(127 - 15) << 23);
    uint32_t special = 0x7f800000u | ((em & 0x3ffu) << 13);
    float sub = (float)em * 5.9604644775390625e-08f; /* em * 2**-24: exact */
    uint32_t subbits;
    memcpy(&subbits, &sub, sizeof subbits);
    uint32_t bits = em >= 0x7c00u ? special : (em >= 0x0400u ? normal : subbits);
    return bits_to_float(bits | sign);
}

/* Widens a block of 16-bit values to float32, exactly. */
FS_CLONES static void widen(const uint16_t *src, int len, int kind, float *dst) {
    if (kind == K_BF16) {
        FS_SIMD()
        for (int i = 0; i < len; i++) dst[i] = bits_to_float((uint32_t)src[i] << 16);
    } else {
        for (int i = 0; i < len; i++) dst[i] = half_to_float(src[i]);
    }
}

/* Difference mode: dst = a - b for a block, in float32 for the 16- and 32-bit kinds (16-bit values
 * widened exactly first, as torch's ``a.float() - b.float()``) and in float64 for float64. */
FS_CLONES static void diff_f32(const float *a, const float *b, int len, float *dst) {
    FS_SIMD()
    for (int i = 0; i < len; i++) dst[i] = a[i] - b[i];
}

FS_CLONES static void diff_f64(const double *a, const double *b, int len, double *dst) {
    FS_SIMD()
    for (int i = 0; i < len; i++) dst[i] = a[i] - b[i];
}

/* Points *x32 or *x64 at the block of `len` values at `at` of job j (converted into tmp / tmpd when needed). */
static void load_block(const Job *j, int64_t at, int len, float *tmp, float *tmp2, double *tmpd, const float **x32,
                       const double **x64) {
    if (j->kind == K_F64) {
        const double *a = (const double *)j->data + at;
        if (j->minus) {
            diff_f64(a, (const double *)j->minus + at, len, tmpd);
            a = tmpd;
        }
        *x64 = a;
        return;
    }
    const float *a = (const float *)j->data + at, *b = j->minus ? (const float *)j->minus + at : NULL;
    if (j->kind != K_F32) {
        widen((const uint16_t *)j->data + at, len, j->kind, tmp);
        a = tmp;
        if (j->minus) {
            widen((const uint16_t *)j->minus + at, len, j->kind, tmp2);
            b = tmp2;
        }
    }
    if (b) {
        diff_f32(a, b, len, tmp);
        a = tmp;
    }
    *x32 = a;
}

/* ------------------------------------------------------------------------------- pass 1 */

static inline void p1_add(P1 *r, int64_t fin, int64_t nan, int64_t pos, int64_t zer, double s, double a, double mn,
                          double mx) {
    r->fin += fin;
    r->zer += zer;
    r->nan += nan;
    r->pos += pos;
    r->sum += s;
    r->abs += a;
    if (mn < r->min) r->min = mn;
    if (mx > r->max) r->max = mx;
}

/* Pass 1 of a block: counts, sums, min, max, and in the same loop the sums of the deviations from `k`
 * and of their squares (dev[0], dev[1]); the sum of squares is derived from the moment at the end. */
FS_CLONES static void p1m_f32(const float *x, int len, double k, P1 *r, double *dev) {
    int fin = 0, nan = 0, pos = 0, zer = 0;
    double s = 0.0, a = 0.0, ds = 0.0, dq = 0.0;
    float mn = INFINITY, mx = -INFINITY;
    FS_SIMD(reduction(+ : fin, nan, pos, zer, s, a, ds, dq) reduction(min : mn) reduction(max : mx))
    for (int i = 0; i < len; i++) {
        float v = x[i];
        int f = fabsf(v) < INFINITY;
        double d = f ? (double)v : 0.0;
        double e = f ? d - k : 0.0;
        fin += f;
        nan += v != v;
        pos += v == INFINITY;
        zer += v == 0;
        s += d;
        a += fabs(d);
        ds += e;
        dq += e * e;
        float lo = f ? v : INFINITY, hi = f ? v : -INFINITY;
        mn = lo < mn ? lo : mn;
        mx = hi > mx ? hi : mx;
    }
    p1_add(r, fin, nan, pos, zer, s, a, mn, mx);
    dev[0] = ds;
    dev[1] = dq;
}

FS_CLONES static void p1m_f64(const double *x, int len, double k, P1 *r, double *dev) {
    int fin = 0, nan = 0, pos = 0, zer = 0;
    double s = 0.0, a = 0.0, ds = 0.0, dq = 0.0, mn = INFINITY, mx = -INFINITY;
    FS_SIMD(reduction(+ : fin, nan, pos, zer, s, a, ds, dq) reduction(min : mn) reduction(max : mx))
    for (int i = 0; i < len; i++) {
        double v = x[i];
        int f = fabs(v) < INFINITY;
        double d = f ? v : 0.0;
        double e = f ? v - k : 0.0;
        fin += f;
        nan += v != v;
        pos += v == INFINITY;
        zer += v == 0;
        s += d;
        a += fabs(d);
        ds += e;
        dq += e * e;
        double lo = f ? v : INFINITY, hi = f ? v : -INFINITY;
        mn = lo < mn ? lo : mn;
        mx = hi > mx ? hi : mx;
    }
    p1_add(r, fin, nan, pos, zer, s, a, mn, mx);
    dev[0] = ds;
    dev[1] = dq;
}

/* ------------------------------------------------------------------------------- pass 2 */

/* Sum of squared deviations from `mean` and sum of deviations, over the finite values. */
FS_CLONES static void moment_f32(const float *x, int len, double mean, int masked, double *out) {
    double q = 0.0, s = 0.0;
    if (masked) {
        FS_SIMD(reduction(+ : q, s))
        for (int i = 0; i < len; i++) {
            double d = fabsf(x[i]) < INFINITY ? (double)x[i] - mean : 0.0;
            q += d * d;
            s += d;
        }
    } else {
        FS_SIMD(reduction(+ : q, s))
        for (int i = 0; i < len; i++) {
            double d = (double)x[i] - mean;
            q += d * d;
            s += d;
        }
    }
    out[0] += q;
    out[1] += s;
}

FS_CLONES static void moment_f64(const double *x, int len, double mean, int masked, double *out) {
    double q = 0.0, s = 0.0;
    if (masked) {
        FS_SIMD(reduction(+ : q, s))
        for (int i = 0; i < len; i++) {
            double d = fabs(x[i]) < INFINITY ? x[i] - mean : 0.0;
            q += d * d;
            s += d;
        }
    } else {
        FS_SIMD(reduction(+ : q, s))
        for (int i = 0; i < len; i++) {
            double d = x[i] - mean;
            q += d * d;
            s += d;
        }
    }
    out[0] += q;
    out[1] += s;
}

/* cnt[k] += number of x >= e[k], for `ne` edges (a multiple of 4). NaN never counts; +Inf does (taken off later). */
FS_CLONES_AVX2 static void ge_f32(const float *x, int len, const float *e, int ne, int64_t *cnt) {
    for (int k = 0; k < ne; k += 4) {
        float e0 = e[k], e1 = e[k + 1], e2 = e[k + 2], e3 = e[k + 3];
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        FS_SIMD(reduction(+ : c0, c1, c2, c3))
        for (int i = 0; i < len; i++) {
            float v = x[i];
            c0 += v >= e0;
            c1 += v >= e1;
            c2 += v >= e2;
            c3 += v >= e3;
        }
        cnt[k] += c0;
        cnt[k + 1] += c1;
        cnt[k + 2] += c2;
        cnt[k + 3] += c3;
    }
}

FS_CLONES static void ge_f64(const double *x, int len, const double *e, int ne, int64_t *cnt) {
    for (int k = 0; k < ne; k += 4) {
        double e0 = e[k], e1 = e[k + 1], e2 = e[k + 2], e3 = e[k + 3];
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        FS_SIMD(reduction(+ : c0, c1, c2, c3))
        for (int i = 0; i < len; i++) {
            double v = x[i];
            c0 += v >= e0;
            c1 += v >= e1;
            c2 += v >= e2;
            c3 += v >= e3;
        }
        cnt[k] += c0;
        cnt[k + 1] += c1;
        cnt[k + 2] += c2;
        cnt[k + 3] += c3;
    }
}

/* numpy's equal-bin algorithm for one finite value, step for step (np.histogram, numpy 1.x-2.x). */
static inline int64_t numpy_bin(double v, double first, double denom, int bins, const double *edges) {
    double f = ((v - first) / denom) * (double)bins;
    int64_t idx = f >= (double)bins ? bins : (f > 0.0 ? (int64_t)f : 0); /* f is in [0, bins] */
    if (idx == bins) idx -= 1;
    if (idx > 0 && v < edges[idx]) idx -= 1;
    if (idx != bins - 1 && v >= edges[idx + 1]) idx += 1;
    return idx;
}

static void literal_f32(const float *x, int len, const Job *j, int bins, int64_t *hist) {
    double first = j->s.min, denom = j->s.max - j->s.min;
    for (int i = 0; i < len; i++) {
        float v = x[i];
        if (fabsf(v) < INFINITY) hist[numpy_bin((double)v, first, denom, bins, j->edges)] += 1;
    }
}

static void literal_f64(const double *x, int len, const Job *j, int bins, int64_t *hist) {
    double first = j->s.min, denom = j->s.max - j->s.min;
    for (int i = 0; i < len; i++) {
        double v = x[i];
        if (fabs(v) < INFINITY) hist[numpy_bin(v, first, denom, bins, j->edges)] += 1;
    }
}

/* ------------------------------------------------------------------------------- merging moments */

/* a = a merged with b (Chan, Golub and LeVeque), b after a. */
static inline void moments_add(Moments *a, const Moments *b) {
    if (b->n == 0.0) return;
    if (a->n == 0.0) {
        *a = *b;
        return;
    }
    double n = a->n + b->n;
    double delta = (b->hi - a->hi) + (b->lo - a->lo);
    a->m2 += b->m2 + delta * delta * (a->n * (b->n / n));
    a->lo += delta * (b->n / n);
    a->n = n;
}

/* The moments of one block of values (in L1) whose pass-1 sums are `p`. */
static inline void block_moments(const float *x32, const double *x64, int len, const P1 *p, Moments *out) {
    out->n = (double)p->fin;
    out->hi = p->fin ? p->sum / (double)p->fin : 0.0;
    out->lo = out->m2 = 0.0;
    if (p->fin == 0) return;
    double qs[2] = {0.0, 0.0};
    int masked = p->fin != len;
    if (x64) moment_f64(x64, len, out->hi, masked, qs);
    else moment_f32(x32, len, out->hi, masked, qs);
    double m2 = qs[0] - qs[1] * qs[1] / out->n;
    out->m2 = m2 < 0.0 ? 0.0 : m2; /* NaN stays NaN */
    out->lo = qs[1] / out->n;
}

/* ------------------------------------------------------------------------------- chunks */

static void chunk_pass1(Work *w, int64_t c) {
    const Chunk *ch = &w->chunks[c];
    const Job *j = ch->job;
    P1 *r = &w->p1[c];
    r->fin = r->nan = r->pos = r->zer = 0;
    r->sum = r->abs = 0.0;
    r->min = INFINITY;
    r->max = -INFINITY;
    /* The moment is computed even when the stdev is not asked for: the sum of squares comes from it,
     * and must not depend on which other statistics are asked for. */
    Moments acc = {0.0, 0.0, 0.0, 0.0};
    float tmp[BLK], tmp2[BLK];
    double tmpd[BLK];
    for (int64_t b = 0; b < ch->len; b += BLK) {
        int len = (int)(ch->len - b < BLK ? ch->len - b : BLK);
        const float *x32 = NULL;
        const double *x64 = NULL;
        load_block(j, ch->start + b, len, tmp, tmp2, tmpd, &x32, &x64);
        P1 p = {0, 0, 0, 0, 0.0, 0.0, INFINITY, -INFINITY};
        Moments m;
        double dev[2];
        /* One loop: deviations from the chunk's mean so far. Exact enough while that mean is near
         * the block's (the deviations' mean squared at most half their mean square); else (and for
         * the first block, with no mean yet) around the block's own mean, in a second loop over the
         * block (in L1). */
        double k = acc.hi;
        if (x64) p1m_f64(x64, len, k, &p, dev);
        else p1m_f32(x32, len, k, &p, dev);
        double n = (double)p.fin;
        if (p.fin > 0 && (acc.n == 0.0 || dev[0] * (dev[0] / n) > 0.5 * dev[1])) {
            block_moments(x32, x64, len, &p, &m);
        } else {
            double m2 = p.fin > 0 ? dev[1] - dev[0] * (dev[0] / n) : 0.0;
            m.n = n;
            m.hi = k;
            m.lo = p.fin > 0 ? dev[0] / n : 0.0;
            m.m2 = m2 < 0.0 ? 0.0 : m2; /* NaN stays NaN */
        }
        p1_add(r, p.fin, p.nan, p.pos, p.zer, p.sum, p.abs, p.min, p.max);
        moments_add(&acc, &m);
    }
    w->mom[c] = acc;
}

static void chunk_pass2(Work *w, int64_t c) {
    const Chunk *ch = &w->chunks[c];
    const Job *j = ch->job;
    int bins = w->bins;
    int64_t *cnt = &w->cnt[(int64_t)STRIDE(bins) * c];
    memset(cnt, 0, sizeof(int64_t) * (size_t)STRIDE(bins));
    if (j->mode != M_FAST && j->mode != M_LITERAL) return;
    float tmp[BLK], tmp2[BLK];
    double tmpd[BLK];
    for (int64_t b = 0; b < ch->len; b += BLK) {
        int len = (int)(ch->len - b < BLK ? ch->len - b : BLK);
        const float *x32 = NULL;
        const double *x = NULL;
        load_block(j, ch->start + b, len, tmp, tmp2, tmpd, &x32, &x);
        if (x) {
            if (j->mode == M_FAST) ge_f64(x, len, j->inner, PADDED(bins - 1), cnt);
            else if (j->mode == M_LITERAL) literal_f64(x, len, j, bins, cnt);
            continue;
        }
        if (j->mode == M_FAST) ge_f32(x32, len, j->inner32, PADDED(bins - 1), cnt);
        else if (j->mode == M_LITERAL) literal_f32(x32, len, j, bins, cnt);
    }
}

static void run_chunks(Work *w) {
    for (;;) {
#if FS_THREADS
        int64_t c = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED);
#else
        int64_t c = w->next++;
#endif
        if (c >= w->nchunks) return;
        if (w->phase == 1) chunk_pass1(w, c);
        else chunk_pass2(w, c);
    }
}

#if FS_THREADS
static void *thread_main(void *arg) {
    run_chunks((Work *)arg);
    return NULL;
}
#endif

/* Runs one phase over every chunk on up to `threads` threads (the caller's among them). */
static void run_phase(Work *w, int phase, int threads) {
    w->phase = phase;
    w->next = 0;
#if FS_THREADS
    pthread_t ids[64];
    int started = 0;
    if (threads > 64) threads = 64;
    if (threads > w->nchunks) threads = (int)w->nchunks;
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&ids[started], NULL, thread_main, w) != 0) break; /* fewer threads: still correct */
        started++;
    }
    run_chunks(w);
    for (int t = 0; t < started; t++) pthread_join(ids[t], NULL);
#else
    (void)threads;
    run_chunks(w);
#endif
}

/* ------------------------------------------------------------------------------- per tensor */

/* numpy's linspace(first, last, bins + 1)[:bins]: edge i is fl(fl(i * step) + first). */
static void numpy_edges(double first, double last, int bins, double *edges) {
    double step = (last - first) / (double)bins;
    for (int i = 0; i < bins; i++) edges[i] = (double)i * step + first;
}

/* Smallest float32 >= e, for e <= FLT_MAX (every edge is at most the largest float32 value). */
static float ceil_float(double e) {
    float f = (float)e;
    if ((double)f < e) f = nextafterf(f, INFINITY);
    return f;
}

/* Chooses how the job's values are binned, after pass 1. */
static void choose_mode(Job *j, int bins, int want_hist) {
    if (!want_hist) {
        j->mode = M_NONE;
        return;
    }
    double first = j->s.min, last = j->s.max;
    if (j->s.fin == 0 || !(first < last)) {
        j->mode = M_ONE;
        return;
    }
    double delta = last - first;
    if (!(delta < INFINITY)) {
        j->mode = M_OVERFLOW;
        return;
    }
    numpy_edges(first, last, bins, j->edges);
    double big = fabs(first) > fabs(last) ? fabs(first) : fabs(last);
    double ulp = nextafter(big, INFINITY) - big;
    double step = delta / (double)bins;
    /* Bins of at least 16 ulps of the largest magnitude (and a normal step): numpy's estimate of a
     * value's bin is within one bin of the edges' bin, so both agree; see docs/decisions/0007-cpu-stats-kernel.md. */
    j->mode = (bins <= EDGES_MAX && step >= DBL_MIN && ulp < INFINITY && step >= 16.0 * ulp) ? M_FAST : M_LITERAL;
    if (j->mode != M_FAST) return;
    for (int k = 0; k < PADDED(bins - 1); k++) {
        j->inner[k] = k + 1 < bins ? j->edges[k + 1] : INFINITY;
        j->inner32[k] = k + 1 < bins ? ceil_float(j->edges[k + 1]) : INFINITY;
    }
}

/* Writes the job's row; `hist` and `acc` are scratch of `bins` counters each. */
static void write_row(const Job *j, const Work *w, double *row, int64_t *hist, int64_t *acc) {
    int bins = w->bins;
    const P1 *s = &j->s;
    row[C_FIN] = (double)s->fin;
    row[C_NAN] = (double)s->nan;
    row[C_POS] = (double)s->pos;
    row[C_SUM] = s->sum;
    row[C_SSQ] = 0.0; /* from the moment, below */
    row[C_ABS] = s->abs;
    row[C_MIN] = s->min;
    row[C_MAX] = s->max;
    row[C_ZER] = (double)s->zer;
    Moments moments = {0.0, 0.0, 0.0, 0.0};
    memset(hist, 0, sizeof(int64_t) * (size_t)bins);
    memset(acc, 0, sizeof(int64_t) * (size_t)bins);
    int counted = j->mode == M_FAST || j->mode == M_LITERAL;
    for (int64_t c = j->first_chunk; c < j->first_chunk + j->chunks; c++) {
        moments_add(&moments, &w->mom[c]); /* in chunk order: the result does not depend on the threads */
        if (counted)
            for (int k = 0; k < bins; k++) acc[k] += w->cnt[(int64_t)STRIDE(bins) * c + k];
    }
    double m2 = 0.0;
    if ((w->flags & WANT_MOMENT) && s->fin > 0) {
        /* A sum past the float range has no mean: NaN, as the two-pass formula around it gives. */
        m2 = isfinite(s->sum) ? moments.m2 : NAN;
        if (m2 < 0.0) m2 = 0.0; /* NaN stays NaN, as torch's clamp */
    }
    row[C_M2] = m2;
    if (s->fin > 0) {
        /* The sum of squares, not summed in pass 1: M2 + sum^2 / n, two non-negative terms, each to a
         * few ulps. Past the float range (then sum^2 / n <= sum of squares is too) it is +Inf. */
        double ssq = moments.m2 + s->sum * (s->sum / (double)s->fin);
        row[C_SSQ] = isfinite(ssq) ? ssq : INFINITY;
    }
    if (j->mode == M_FAST) {
        /* acc[k] = values >= interior edge k+1, +Inf among them */
        int64_t prev = s->fin;
        for (int k = 0; k < bins - 1; k++) {
            int64_t ge = acc[k] - s->pos;
            hist[k] = prev - ge;
            prev = ge;
        }
        hist[bins - 1] = prev;
    } else if (j->mode == M_LITERAL) {
        memcpy(hist, acc, sizeof(int64_t) * (size_t)bins);
    } else if (j->mode == M_OVERFLOW || j->mode == M_ONE) {
        hist[0] = s->fin;
    }
    for (int k = 0; k < bins; k++) row[NSTATS + k] = (double)hist[k];
}

/* ------------------------------------------------------------------------------- Python */

static int kind_of(char code, Py_ssize_t *itemsize) {
    switch (code) {
    case 'f': *itemsize = 4; return K_F32;
    case 'd': *itemsize = 8; return K_F64;
    case 'e': *itemsize = 2; return K_F16;
    case 'b': *itemsize = 2; return K_BF16;
    default: return -1;
    }
}

/* Runs both passes over jobs[0..n) (data, minus, n and kind set) and writes their rows; returns the
 * modes as bytes, or NULL with an exception set. */
static PyObject *run_jobs(Job *jobs, Py_ssize_t n, int bins, int flags, double *rows, int threads) {
    PyObject *result = NULL;
    Work w;
    memset(&w, 0, sizeof w);
    double *edges = (double *)PyMem_Calloc((size_t)(n + 1) * 2 * (size_t)STRIDE(bins), sizeof(double));
    float *edges32 = (float *)PyMem_Calloc((size_t)(n + 1) * (size_t)STRIDE(bins), sizeof(float));
    if (!edges || !edges32) {
        PyErr_NoMemory();
        goto done;
    }
    int64_t nchunks = 0, total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Job *j = &jobs[i];
        j->edges = edges + (size_t)i * 2 * (size_t)STRIDE(bins);
        j->inner = j->edges + STRIDE(bins);
        j->inner32 = edges32 + (size_t)i * (size_t)STRIDE(bins);
        j->first_chunk = nchunks;
        j->chunks = (j->n + CHUNK - 1) / CHUNK;
        nchunks += j->chunks;
        total += j->n;
    }
    w.jobs = jobs;
    w.nchunks = nchunks;
    w.bins = bins;
    w.flags = flags;
    w.chunks = (Chunk *)PyMem_Calloc((size_t)nchunks + 1, sizeof(Chunk));
    w.p1 = (P1 *)PyMem_Calloc((size_t)nchunks + 1, sizeof(P1));
    w.mom = (Moments *)PyMem_Calloc((size_t)nchunks + 1, sizeof(Moments));
    w.cnt = (int64_t *)PyMem_Calloc(((size_t)nchunks + 1) * (size_t)STRIDE(bins), sizeof(int64_t));
    w.scratch = (int64_t *)PyMem_Calloc(2 * (size_t)bins, sizeof(int64_t));
    if (!w.chunks || !w.p1 || !w.mom || !w.cnt || !w.scratch) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        for (int64_t c = 0; c < jobs[i].chunks; c++) {
            Chunk *ch = &w.chunks[jobs[i].first_chunk + c];
            ch->job = &jobs[i];
            ch->start = c * CHUNK;
            ch->len = jobs[i].n - ch->start < CHUNK ? jobs[i].n - ch->start : CHUNK;
        }
    if (total < PARALLEL_MIN || threads < 1) threads = 1;
    Py_BEGIN_ALLOW_THREADS
    run_phase(&w, 1, threads);
    int counting = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Job *j = &jobs[i];
        j->s.fin = j->s.nan = j->s.pos = j->s.zer = 0;
        j->s.sum = j->s.abs = 0.0;
        j->s.min = INFINITY;
        j->s.max = -INFINITY;
        for (int64_t c = j->first_chunk; c < j->first_chunk + j->chunks; c++) {
            const P1 *p = &w.p1[c];
            p1_add(&j->s, p->fin, p->nan, p->pos, p->zer, p->sum, p->abs, p->min, p->max);
        }
        choose_mode(j, bins, (flags & WANT_HIST) != 0);
        counting |= j->mode == M_FAST || j->mode == M_LITERAL;
    }
    if (counting) run_phase(&w, 2, threads); /* the second pass is for histograms only */
    for (Py_ssize_t i = 0; i < n; i++)
        write_row(&jobs[i], &w, rows + (size_t)i * (size_t)(NSTATS + bins), w.scratch, w.scratch + bins);
    Py_END_ALLOW_THREADS
    result = PyBytes_FromStringAndSize(NULL, n);
    if (result)
        for (Py_ssize_t i = 0; i < n; i++) PyBytes_AS_STRING(result)[i] = (char)jobs[i].mode;
done:
    PyMem_Free(edges);
    PyMem_Free(edges32);
    PyMem_Free(w.chunks);
    PyMem_Free(w.p1);
    PyMem_Free(w.mom);
    PyMem_Free(w.cnt);
    PyMem_Free(w.scratch);
    return result;
}

static int check_common(Py_ssize_t n, Py_ssize_t nkinds, int bins, const Py_buffer *out) {
    if (nkinds != n) {
        PyErr_SetString(PyExc_ValueError, "one kind per buffer is needed");
        return -1;
    }
    if (bins < 1 || bins > (1 << 24)) {
        PyErr_SetString(PyExc_ValueError, "bins must be between 1 and 2**24");
        return -1;
    }
    if (out->len != (Py_ssize_t)sizeof(double) * n * (NSTATS + bins) || !PyBuffer_IsContiguous(out, 'C')) {
        PyErr_SetString(PyExc_ValueError, "out must be a contiguous float64 buffer of one row per buffer");
        return -1;
    }
    return 0;
}

/* summarize_at(addresses, minus, lengths, kinds, bins, flags, out, threads): the same rows, for values
 * given by address (int64 buffers: the address of each tensor's first value, the address of the
 * values to subtract or 0, the number of values). The caller keeps the memory alive and unchanged
 * during the call; it is what lets a caller pass hundreds of tensors without a buffer object each. */
static PyObject *summarize_at(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer addr, minus, lens, out;
    const char *kinds;
    Py_ssize_t nkinds;
    int bins, flags, threads;
    if (!PyArg_ParseTuple(args, "y*y*y*y#iiw*i", &addr, &minus, &lens, &kinds, &nkinds, &bins, &flags, &out, &threads))
        return NULL;
    PyObject *result = NULL;
    Job *jobs = NULL;
    Py_ssize_t n = addr.len / (Py_ssize_t)sizeof(int64_t);
    if (addr.len != n * (Py_ssize_t)sizeof(int64_t) || minus.len != addr.len || lens.len != addr.len) {
        PyErr_SetString(PyExc_ValueError, "addresses, minus and lengths must be int64 buffers of one value per tensor");
        goto done;
    }
    if (check_common(n, nkinds, bins, &out) < 0) goto done;
    jobs = (Job *)PyMem_Calloc((size_t)n + 1, sizeof(Job));
    if (!jobs) {
        PyErr_NoMemory();
        goto done;
    }
    const int64_t *a = (const int64_t *)addr.buf, *m = (const int64_t *)minus.buf, *l = (const int64_t *)lens.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t itemsize;
        int kind = kind_of(kinds[i], &itemsize);
        if (kind < 0) {
            PyErr_Format(PyExc_ValueError, "unknown kind %c", kinds[i]);
            goto done;
        }
        if (!a[i] || l[i] < 0) {
            PyErr_SetString(PyExc_ValueError, "an address is 0 or a length is negative");
            goto done;
        }
        jobs[i].data = (const char *)(uintptr_t)a[i];
        jobs[i].minus = m[i] ? (const char *)(uintptr_t)m[i] : NULL;
        jobs[i].n = l[i];
        jobs[i].kind = kind;
    }
    result = run_jobs(jobs, n, bins, flags, (double *)out.buf, threads);
done:
    PyMem_Free(jobs);
    PyBuffer_Release(&addr);
    PyBuffer_Release(&minus);
    PyBuffer_Release(&lens);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"summarize_at", summarize_at, METH_VARARGS,
     "summarize_at(addresses, minus, lengths, kinds, bins, flags, out, threads) -> bytes: the same, by address, "
     "of data[i] - minus[i] where minus is not 0."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "fitscope._stats_kernel", "The CPU statistics kernel of fitscope.tensor_stats.", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__stats_kernel(void) {
    PyObject *m = PyModule_Create(&module);
    if (m && (PyModule_AddIntConstant(m, "NSTATS", NSTATS) || PyModule_AddIntConstant(m, "WANT_MOMENT", WANT_MOMENT) ||
              PyModule_AddIntConstant(m, "WANT_HIST", WANT_HIST) || PyModule_AddIntConstant(m, "CHUNK", CHUNK))) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
