#!/usr/bin/env python3
"""Two screens (issue 9): console-to-room latency and the room's idle CPU. Measurements, not
tests.

    bench/room [NOTES] [IDLE_SECONDS]     (builds the release binary; defaults 40 and 45)
    BIN=/path/to/tafel bench/room.py 40 45

What a user sees, end to end: one tmux server (no config) with two sessions of 120x35, the
room (`tafel room`) and the facilitator's console (`tafel run koers-wat`, `c` pressed), both
the release binary, in a temporary directory of their own.

Latency. NOTES times: `n`, a unique text typed and seen in the editor, then Enter. From then
on both panes are read alternately with `tmux capture-pane` until each shows the note: the
console when the note is in its list and the editor is gone (the change is confirmed on the
facilitator's screen: written to the journal and drawn), the room when the note is on the
room screen. Reported: room minus console (the issue's "a change confirmed on the
facilitator's screen appears on the room screen"), and Enter to room. One capture takes a few
milliseconds; the figures carry that resolution (printed as "poll").

Idle CPU. Then nothing is touched for IDLE_SECONDS while the round's timer runs. Read from
/proc/PID/stat (utime + stime) and /proc/PID/task/*/status (voluntary context switches per
thread: how often each woke; involuntary ones apart: preemption on a busy machine) of the room at the start and end; the console's figures beside it for
comparison. The budget: one wake a second while a timer runs; a running session also writes a
checkpoint to the journal every 5 s, which wakes the room's file watcher and its loop.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("BIN") or os.path.join(HERE, "..", "target", "release", "tafel")
NOTES = int(sys.argv[1]) if len(sys.argv) > 1 else 40
IDLE = int(sys.argv[2]) if len(sys.argv) > 2 else 45
TIMEOUT = 10.0


class Server:
    def __init__(self, work):
        self.socket = f"tafel-bench-room-{os.getpid()}"
        self.work = work
        self.env = dict(os.environ, LANG="C.UTF-8")
        self.env.pop("TMUX", None)

    def tmux(self, *args):
        out = subprocess.run(["tmux", "-u", "-L", self.socket, *args], env=self.env,
                             capture_output=True, text=True, check=True)
        return out.stdout

    def start(self, name, command, first=False):
        pre = ["-f", "/dev/null"] if first else []
        self.tmux(*pre, "new-session", "-d", "-x", "120", "-y", "35", "-s", name, command)

    def screen(self, name):
        return self.tmux("capture-pane", "-p", "-J", "-t", name)

    def keys(self, name, *keys):
        self.tmux("send-keys", "-t", name, *keys)

    def text(self, name, text):
        self.tmux("send-keys", "-t", name, "-l", text)

    def wait(self, name, ready, what):
        start = time.monotonic()
        while True:
            screen = self.screen(name)
            if ready(screen):
                return screen
            if time.monotonic() - start > TIMEOUT:
                sys.exit(f"timed out waiting for {what} in {name}:\n{screen}")
            time.sleep(0.01)

    def kill(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], env=self.env,
                       capture_output=True, check=False)


def tafel(work, pidfile, args):
    """`tafel ARGS` on the bench's sessions, writing its pid first."""
    return (f"cd {work} && TAFEL_CONFIG_DIR={work}/config TAFEL_CACHE_DIR={work}/cache "
            f"sh -c 'echo $$ > {pidfile}; exec \"$@\"' sh {BIN} {args} "
            f"--sessions-dir {work}/sessions; sleep 600")


def pid_of(pidfile):
    start = time.monotonic()
    while time.monotonic() - start < TIMEOUT:
        try:
            with open(pidfile) as f:
                pid = f.read().strip()
            if pid:
                return int(pid)
        except FileNotFoundError:
            pass
        time.sleep(0.01)
    sys.exit(f"no pid in {pidfile}")


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # Fields 14 and 15 (utime, stime), counted from 1 with the name as field 2.
    return int(fields[11]) + int(fields[12])


def switches(pid):
    """Context switches of each thread of `pid`: {tid: (voluntary, involuntary)}. A voluntary
    one is a wait that ended (a wake); an involuntary one, being preempted on a busy machine."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        fields = {}
        with open(f"/proc/{pid}/task/{task}/status") as f:
            for line in f:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
        counts[task] = (int(fields["voluntary_ctxt_switches"]),
                        int(fields["nonvoluntary_ctxt_switches"]))
    return counts


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit(f"no binary at {BIN}: run bench/room, or cargo build --release")
    work = tempfile.mkdtemp(prefix="tafel-bench-room-")
    server = Server(work)
    try:
        run(server, work)
    finally:
        server.kill()
        shutil.rmtree(work, ignore_errors=True)


def run(server, work):
    server.start("room", tafel(work, f"{work}/room.pid", "room"), first=True)
    server.wait("room", lambda s: "Er loopt nu geen sessie" in s, "the waiting screen")
    server.start("console", tafel(work, f"{work}/console.pid",
                                  "run koers-wat --participants 'Anna,Bram,Chris' --seed 7"))
    server.wait("console", lambda s: "ronde 1 van 6" in s, "the first round")
    server.keys("console", "c")
    server.wait("console", lambda s: "CONSOLE" in s, "the console")
    server.wait("room", lambda s: "ronde 1 van 6" in s, "the round on the room")
    room_pid, console_pid = pid_of(f"{work}/room.pid"), pid_of(f"{work}/console.pid")

    room_after_console, room_after_enter, console_after_enter, polls = [], [], [], []
    for i in range(NOTES):
        text = f"meting {i:03d} zaal"
        server.keys("console", "n")
        server.wait("console", lambda s: "Nieuwe notitie" in s, "the editor")
        server.text("console", text)
        server.wait("console", lambda s, t=text: t in s, "the typed text")
        server.keys("console", "Enter")
        enter = time.monotonic()
        seen = {}
        while len(seen) < 2:
            for name in ("console", "room"):
                if name in seen:
                    continue
                before = time.monotonic()
                screen = server.screen(name)
                after = time.monotonic()
                polls.append(after - before)
                shown = f"• {text}" in screen
                if name == "console":
                    shown = shown and "Nieuwe notitie" not in screen
                if shown:
                    # The screen was read between `before` and `after`: take the middle.
                    seen[name] = (before + after) / 2
            if time.monotonic() - enter > TIMEOUT:
                sys.exit(f"note {i} not seen on both screens: {seen}")
        room_after_console.append(seen["room"] - seen["console"])
        room_after_enter.append(seen["room"] - enter)
        console_after_enter.append(seen["console"] - enter)

    def line(name, values):
        ms = [v * 1000 for v in values]
        print(f"  {name:<34} p50 {percentile(ms, 50):6.1f} ms   p95 {percentile(ms, 95):6.1f} ms"
              f"   max {max(ms):6.1f} ms")

    print(f"console-to-room latency, {NOTES} notes, 120x35, release build ({BIN}):")
    line("room after console (confirmed)", room_after_console)
    line("console after Enter", console_after_enter)
    line("room after Enter", room_after_enter)
    print(f"  poll (one capture-pane)            median {statistics.median(polls) * 1000:.1f} ms")

    ticks = os.sysconf("SC_CLK_TCK")
    before = {pid: (cpu_ticks(pid), switches(pid)) for pid in (room_pid, console_pid)}
    start = time.monotonic()
    time.sleep(IDLE)
    elapsed = time.monotonic() - start
    room_screen = server.screen("room")
    assert "nog " in room_screen or "tijd" in room_screen, room_screen
    print(f"idle, the round's timer running, {elapsed:.0f} s untouched:")
    for name, pid in (("room (tafel room)", room_pid), ("console (tafel run)", console_pid)):
        cpu = cpu_ticks(pid) - before[pid][0]
        after = switches(pid)
        per_thread = {}
        for tid, (vol, invol) in after.items():
            was = before[pid][1].get(tid, (0, 0))
            per_thread[tid] = (vol - was[0], invol - was[1])
        wakes = sum(v for v, _ in per_thread.values())
        preempted = sum(i for _, i in per_thread.values())
        print(f"  {name:<22} CPU {cpu / ticks / elapsed * 100:.3f}% of one core"
              f" ({cpu / ticks:.2f} s), {wakes / elapsed:.2f} wakes/s"
              f" (+{preempted / elapsed:.2f}/s preempted)")
        # The main thread carries the loop; the others wait for keys, signals, file changes.
        for tid, (vol, invol) in sorted(per_thread.items(), key=lambda kv: int(kv[0])):
            role = "main loop" if int(tid) == pid else "helper thread"
            print(f"    thread {tid:>8} ({role:<13}) {vol / elapsed:.2f} wakes/s,"
                  f" {invol / elapsed:.2f} preempted/s")


if __name__ == "__main__":
    main()
