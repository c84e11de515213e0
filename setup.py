"""Builds fitscope's optional C statistics kernel (fitscope/_stats_kernel.c); everything else is in pyproject.toml.

The extension is optional: without a working C compiler the build goes on without it and
``fitscope.tensor_stats`` uses its pure-torch path (see docs/decisions/0007-cpu-stats-kernel.md).
Release builds set ``FITSCOPE_REQUIRE_KERNEL=1`` (cibuildwheel does) so that a failed compile
fails the build instead of shipping a wheel without the kernel.
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup

# No -ffast-math: the kernel relies on IEEE comparisons (NaN, Inf) and exact rounding.
# -fopenmp-simd honours `omp simd` reductions without linking an OpenMP runtime (torch ships its own);
# -fno-trapping-math lets GCC vectorise the masked sums (it changes no value, only FP-exception flags).
FLAGS = [] if sys.platform == "win32" else ["-O3", "-fopenmp-simd", "-fno-math-errno", "-fno-trapping-math", "-std=c11"]

setup(
    ext_modules=[
        Extension(
            "fitscope._stats_kernel",
            sources=["fitscope/_stats_kernel.c"],
            extra_compile_args=FLAGS,
            optional=os.environ.get("FITSCOPE_REQUIRE_KERNEL") != "1",
        )
    ]
)
