// The portal's script: loads <train-overview> from the package and lists the server's runs
// (GET /api/v1/sessions) in plain JavaScript; choosing one shows it in the overview.
//
// The fitscope server is `?fitscope=<origin>` in this page's address (default
// http://127.0.0.1:9000); it must list this page's origin: `fitscope serve FILE --cors-origin
// <this origin>`.
const server =
  new URLSearchParams(location.search).get("fitscope") ??
  "http://127.0.0.1:9000";
const overview = document.getElementById("overview");
const list = document.getElementById("runs");
const status = document.getElementById("runs-status");

overview.setAttribute("api-base", server);
document.getElementById("server").textContent = server;
// Loaded once the element knows its server: upgraded earlier, it would first ask this page's
// own origin for the newest run.
await import("@fitscope/elements/train-overview.js");

/** Marks the button of the run shown. */
function mark(session) {
  for (const button of list.querySelectorAll("button")) {
    button.setAttribute(
      "aria-current",
      String(button.dataset.session === session),
    );
  }
}

/** Shows `session` in the overview. */
function choose(session) {
  overview.setAttribute("session", session);
  mark(session);
}

/** One run's button: its name (text, never markup), model, iteration and state. */
function runButton(run) {
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.session = run.session_id;
  button.append(run.name ?? run.session_id);
  const about = document.createElement("small");
  const model = run.model_type ?? "unknown model";
  about.textContent = `${model} · iteration ${run.iteration ?? "—"} · ${run.state}`;
  button.append(about);
  button.addEventListener("click", () => choose(run.session_id));
  return button;
}

async function loadRuns() {
  try {
    const answer = await fetch(`${server}/api/v1/sessions`);
    if (!answer.ok) throw new Error(`${answer.status} ${answer.statusText}`);
    const { sessions } = await answer.json();
    list.replaceChildren(
      ...sessions.map((run) => {
        const item = document.createElement("li");
        item.append(runButton(run));
        return item;
      }),
    );
    status.textContent = `${sessions.length} runs`;
    // Newest first: without a session the overview shows the first.
    const shown = overview.getAttribute("session") ?? sessions[0]?.session_id;
    if (shown !== undefined) mark(shown);
  } catch (err) {
    status.textContent = `Cannot read the runs of ${server}: ${err}`;
    status.setAttribute("role", "alert");
  }
}

loadRuns();
