#!/usr/bin/env python3
"""crosscheck dedup side by side with the tools users would pick instead.

Generates the corpora (``crosscheck generate``), runs ``crosscheck dedup`` and every peer on the same
corpus with the same settings, scores every tool's pairs against the generator's truth with one
scorer, and prints one table per corpus size (also written to target/compare/results.md and
results.json). See README.md beside this file.

    benches/compare/run.sh                      # 10k and 100k docs, 3 runs each
    benches/compare/run.sh --quick              # smoke test: 2k docs, 1 run
    benches/compare/run.sh --sizes 10000 --runs 5 --tools crosscheck,gaoya,sol
    benches/compare/run.sh --corpus my.jsonl --truth my-truth.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TARGET = ROOT / "target"
VENV = TARGET / "compare-venv"
VENV_PY = VENV / "bin" / "python"
RELEASE = TARGET / "release"
CROSSCHECK = RELEASE / "crosscheck"
PEER_SIMHASH = RELEASE / "examples" / "peer_simhash"
SPEED_OF_LIGHT = RELEASE / "examples" / "speed_of_light"

ALL_TOOLS = ["crosscheck", "crosscheck-simhash", "datasketch", "rensa", "gaoya", "simhash", "sol"]
PY_PEERS = ["datasketch", "rensa", "gaoya"]
RUST_TOOLS = ["crosscheck", "crosscheck-simhash", "simhash", "sol"]


def log(msg: str) -> None:
    print(f"[compare] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Environment: the virtualenv with pinned peers, the release build.


def bootstrap_venv(argv: list[str]) -> None:
    """Re-executes this script with the venv's Python, creating the venv (and NumPy) first."""
    if Path(sys.prefix).resolve() == VENV.resolve() or os.environ.get("COMPARE_NO_VENV"):
        return
    if not VENV_PY.exists():
        log(f"creating virtualenv {VENV.relative_to(ROOT)}")
        r = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
        if r.returncode != 0:
            log("could not create the virtualenv: Python peers will be marked 'not installed'")
            os.environ["COMPARE_NO_VENV"] = "1"
            return
    os.execv(str(VENV_PY), [str(VENV_PY), str(Path(__file__).resolve()), *argv])


def read_pins() -> dict[str, list[str]]:
    """{who: [requirement, ...]} from requirements.txt."""
    groups: dict[str, list[str]] = {}
    for line in (HERE / "requirements.txt").read_text().splitlines():
        req, _, who = line.partition("#")
        req = req.strip()
        if not req:
            continue
        for name in who.split():
            groups.setdefault(name, []).append(req)
    return groups


def install(wanted: list[str], skip: bool) -> dict[str, str]:
    """Installs the pinned requirements of the scorer and each wanted Python peer.

    Returns {peer: error} for the peers that could not be installed (the others run).
    """
    failed: dict[str, str] = {}
    if os.environ.get("COMPARE_NO_VENV"):
        return {p: "no virtualenv" for p in wanted}
    pins = read_pins()
    for who in ["scorer", *wanted]:
        reqs = pins.get(who, [])
        if skip or not reqs:
            continue
        r = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "--quiet",
             "--only-binary=:all:", *reqs],
            capture_output=True, text=True,
        )
        if r.returncode != 0:
            last = (r.stderr.strip().splitlines() or ["pip failed"])[-1]
            log(f"pip could not install {who} ({' '.join(reqs)}): {last}")
            failed[who] = f"not installed: {last[:80]}"
    for who in wanted:
        if who in failed:
            continue
        module = {"datasketch": "datasketch", "rensa": "rensa", "gaoya": "gaoya"}[who]
        r = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
        if r.returncode != 0:
            failed[who] = "not installed: " + (r.stderr.strip().splitlines() or ["import failed"])[-1][:80]
    return failed


def build(skip: bool) -> None:
    if skip:
        return
    cmd = ["cargo", "build", "--release", "--bin", "crosscheck",
           "--example", "peer_simhash", "--example", "speed_of_light"]
    log("building: " + " ".join(cmd))
    r = subprocess.run(cmd, cwd=ROOT)
    if r.returncode != 0:
        sys.exit("cargo build failed")


def help_text(*sub: str) -> str:
    if not CROSSCHECK.exists():
        return ""
    r = subprocess.run([str(CROSSCHECK), *sub, "--help"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ""


@dataclass
class CrosscheckCaps:
    """What the crosscheck binary at hand can do (its subcommands land in parallel)."""

    dedup: bool = False
    generate: bool = False
    shingle_flag: str | None = None  # e.g. "--shingle"
    shingle_default: int | None = None
    distance_flag: str | None = None  # SimHash Hamming radius flag, if any
    hashes_flag: str | None = None  # MinHash signature length flag, if any

    @staticmethod
    def probe() -> "CrosscheckCaps":
        caps = CrosscheckCaps()
        dedup = help_text("dedup")
        caps.dedup = "--emit" in dedup
        caps.generate = "--docs" in help_text("generate")
        # Flags and defaults as clap prints them; help may wrap, so search in a flattened copy.
        flat = " ".join(dedup.split())
        m = re.search(r"(--[\w-]*shingle[\w-]*)\b[^-]*?\[default: (\d+)\]", flat)
        if m:
            caps.shingle_flag, caps.shingle_default = m.group(1), int(m.group(2))
        else:
            m = re.search(r"(--[\w-]*shingle[\w-]*)", flat)
            caps.shingle_flag = m.group(1) if m else None
        m = re.search(r"(--(?:hamming|distance|max-distance|max-hamming)[\w-]*)", flat)
        caps.distance_flag = m.group(1) if m else None
        m = re.search(r"(--(?:num-hashes|num-perm|hashes|perm)\b)", flat)
        caps.hashes_flag = m.group(1) if m else None
        return caps


# ---------------------------------------------------------------------------------------------
# Measuring one process.


@dataclass
class Run:
    wall: float
    rss: int  # bytes
    code: int
    timed_out: bool
    stats: dict = field(default_factory=dict)
    pairs: int | None = None


GNU_TIME = Path("/usr/bin/time")


def measure(argv: list[str], stdout: Path, stderr: Path, env: dict, timeout: float) -> Run:
    """Runs argv once; wall time from spawn to exit, peak RSS as ru_maxrss.

    The RSS comes from GNU time (``/usr/bin/time -f %M``) when it is installed: Linux charges a
    child the high-water RSS of the process it was forked from, so rusage read by this (large)
    Python driver would put a floor of the driver's own size under every tool; GNU time is a
    ~2 MiB parent. Without it, wait4's rusage is used (and the floor is noted in the results).
    """
    timed_out = threading.Event()
    rss_file = stderr.with_suffix(".rss")
    if GNU_TIME.exists():
        argv = [str(GNU_TIME), "-f", "%M", "-o", str(rss_file), *argv]
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, start_new_session=True)

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        timer.cancel()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here; keep Popen from waiting again
    rss = usage.ru_maxrss * 1024
    if GNU_TIME.exists():
        try:
            rss = int(rss_file.read_text().split()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
    return Run(wall=wall, rss=rss, code=code, timed_out=timed_out.is_set())


def last_json(path: Path) -> dict:
    try:
        lines = [l for l in path.read_text(errors="replace").splitlines() if l.startswith("{")]
        return json.loads(lines[-1]) if lines else {}
    except (OSError, json.JSONDecodeError):
        return {}


def count_lines(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


# ---------------------------------------------------------------------------------------------
# Tools.


@dataclass
class Tool:
    key: str
    label: str
    argv: list[str] | None  # None: unavailable
    pairs_from_stdout: bool  # crosscheck writes pairs to stdout; peers take --out
    scored: bool = True
    why_missing: str = ""
    notes: str = ""


def make_tools(wanted, opts, caps: CrosscheckCaps, shingle: int, failed: dict) -> list[Tool]:
    tools = []
    thr = ["--threads", str(opts.threads)] if opts.threads else []
    for key in wanted:
        if key in ("crosscheck", "crosscheck-simhash"):
            method = "minhash" if key == "crosscheck" else "simhash"
            label = f"crosscheck dedup ({method})"
            if not caps.dedup:
                tools.append(Tool(key, label, None, True, why_missing="crosscheck dedup not built yet"))
                continue
            argv = [str(CROSSCHECK), "dedup", "{corpus}", "--emit", "pairs", "--format", "jsonl",
                    "--threshold", str(opts.threshold), "--method", method, *thr]
            if opts.shingle and caps.shingle_flag:
                argv += [caps.shingle_flag, str(shingle)]
            if method == "minhash" and caps.hashes_flag:
                argv += [caps.hashes_flag, str(opts.perm)]
            if method == "simhash" and caps.distance_flag:
                argv += [caps.distance_flag, str(opts.distance)]
            tools.append(Tool(key, label, argv, True))
        elif key in PY_PEERS:
            version = peer_version(key)
            label = f"{key} {version}" if version else key
            if key in failed:
                tools.append(Tool(key, label, None, False, why_missing=failed[key]))
                continue
            argv = [sys.executable, str(HERE / "peers" / f"{key}_peer.py"), "{corpus}",
                    "--out", "{pairs}", "--shingle", str(shingle), "--perm", str(opts.perm),
                    "--threshold", str(opts.threshold), "--bands", str(opts.bands),
                    "--seed", str(opts.hash_seed)]
            tools.append(Tool(key, label, argv, False))
        elif key == "simhash":
            label = f"simhash crate {crate_version('simhash')} (Hamming <= {opts.distance})"
            argv = [str(PEER_SIMHASH), "{corpus}", "--out", "{pairs}", "--shingle", str(shingle),
                    "--distance", str(opts.distance), *thr]
            tools.append(Tool(key, label, argv if PEER_SIMHASH.exists() else None, False,
                              why_missing="examples/peer_simhash not built"))
        elif key == "sol":
            label = "speed of light (read + xxh3 every shingle)"
            argv = [str(SPEED_OF_LIGHT), "{corpus}", "--shingle", str(shingle), "--mode", opts.sol_mode, *thr]
            tools.append(Tool(key, label, argv if SPEED_OF_LIGHT.exists() else None, False,
                              scored=False, why_missing="examples/speed_of_light not built"))
    return tools


def peer_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return ""


def crate_version(name: str) -> str:
    lock = (ROOT / "Cargo.lock").read_text()
    m = re.search(rf'name = "{re.escape(name)}"\nversion = "([^"]+)"', lock)
    return m.group(1) if m else ""


# ---------------------------------------------------------------------------------------------
# Corpora.


@dataclass
class Corpus:
    label: str
    path: Path
    truth: Path
    docs: int
    bytes: int
    gen_s: float | None = None


def generate(n: int, seed: int, out_root: Path, caps: CrosscheckCaps) -> Corpus:
    d = out_root / "corpora" / f"{n}-seed{seed}"
    corpus, truth = d / "corpus.jsonl", d / "truth.jsonl"
    gen_s = None
    stamp = d / "generated-by"
    binary_id = f"{CROSSCHECK.stat().st_mtime_ns if CROSSCHECK.exists() else 0}"
    if not (corpus.exists() and truth.exists() and stamp.exists() and stamp.read_text() == binary_id):
        if not caps.generate:
            sys.exit("crosscheck generate is not available: pass --corpus FILE --truth FILE")
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        cmd = [str(CROSSCHECK), "generate", "--docs", str(n), "--seed", str(seed), "--out", str(d)]
        log("generating: " + " ".join(cmd))
        t0 = time.perf_counter()
        r = subprocess.run(cmd)
        gen_s = time.perf_counter() - t0
        if r.returncode != 0 or not corpus.exists() or not truth.exists():
            sys.exit(f"crosscheck generate failed (exit {r.returncode})")
        stamp.write_text(binary_id)
    docs = count_lines(corpus)
    return Corpus(f"{docs:,} docs", corpus, truth, docs, corpus.stat().st_size, gen_s)


# ---------------------------------------------------------------------------------------------
# Results.


def machine() -> dict:
    info = {"cores": os.cpu_count(), "python": platform.python_version(), "kernel": platform.release()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    try:
        info["rustc"] = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        info["commit"] = rev + ("+dirty" if dirty else "")
    except OSError:
        pass
    return info


def fmt_s(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def fmt_ratio(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.2f}x" if x < 10 else f"{x:.0f}x"


def fmt_rate(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def table(corpus: Corpus, rows: list[dict]) -> str:
    head = ("| tool | wall s (median) | runs (min-max s) | docs/s | MB/s | peak RSS MiB | pairs "
            "| precision | recall | recall J>=t | time / crosscheck | RSS / crosscheck |")
    out = [head, "|" + "---|" * 12]
    ref = next((r for r in rows if r["key"] == "crosscheck" and r.get("wall")), None)
    for r in rows:
        if not r.get("wall"):
            out.append(f"| {r['label']} | {r.get('status', 'n/a')} | | | | | | | | | | |")
            continue
        wall = r["wall"]
        p = r.get("precision")
        rc = r.get("recall")
        out.append(
            "| {label} | {wall} | {rng} | {dps} | {mbs} | {rss:,.0f} | {pairs} | {p} | {rc} | {ra} | {tr} | {rr} |".format(
                label=r["label"] + (f" ({r['status']})" if r.get("status") else ""),
                wall=fmt_s(wall),
                rng=f"{fmt_s(min(r['walls']))}-{fmt_s(max(r['walls']))} (n={len(r['walls'])})",
                dps=fmt_rate(corpus.docs / wall),
                mbs=fmt_rate(corpus.bytes / 1e6 / wall),
                rss=r["rss"] / 2**20,
                pairs="" if r.get("pairs") is None else f"{r['pairs']:,}",
                p="" if p is None else f"{p:.4f}",
                rc="" if rc is None else f"{rc:.4f}",
                ra="" if r.get("recall_above") is None else f"{r['recall_above']:.4f}",
                tr=fmt_ratio(wall / ref["wall"]) if ref else "",
                rr=fmt_ratio(r["rss"] / ref["rss"]) if ref else "",
            )
        )
    return "\n".join(out)


def verdicts(rows: list[dict]) -> list[str]:
    """The issue's targets that this table can check."""
    by = {r["key"]: r for r in rows if r.get("wall")}
    cc = by.get("crosscheck")
    if not cc:
        return []
    lines = []
    peers = [r for k, r in by.items() if k in ("datasketch", "rensa", "gaoya", "simhash")]
    if peers:
        # The headline compares against peers that find at least 90% of what crosscheck finds at
        # the threshold; a fast peer with a tenth of the recall is listed on its own line.
        base = cc.get("recall_above") or cc.get("recall") or 0
        comparable = [r for r in peers
                      if (r.get("recall_above") or r.get("recall") or 0) >= 0.9 * base]
        if comparable:
            f = min(comparable, key=lambda r: r["wall"])
            lines.append(f"- throughput vs the fastest peer of comparable accuracy ({f['label']}): "
                         f"{f['wall'] / cc['wall']:.1f}x (target >= 10x on 100k)")
        fastest = min(peers, key=lambda r: r["wall"])
        if fastest not in comparable:
            rec = fastest.get("recall_above") or fastest.get("recall") or 0
            lines.append(f"- throughput vs the fastest peer of any accuracy ({fastest['label']}, "
                         f"recall J>=t {rec:.2f}): {fastest['wall'] / cc['wall']:.1f}x")
        scored = [r for r in peers if r.get("precision") is not None]
        if scored and cc.get("precision") is not None:
            bp = max(r["precision"] for r in scored)
            br = max(r["recall"] for r in scored)
            ok = cc["precision"] >= bp and cc["recall"] >= br
            lines.append(
                f"- accuracy: crosscheck precision {cc['precision']:.4f} / recall {cc['recall']:.4f}; "
                f"best peer precision {bp:.4f} / recall {br:.4f} ({'at least as good' if ok else 'NOT at least as good'})"
            )
            if cc.get("recall_above") is not None:
                ba = max(r["recall_above"] for r in scored if r.get("recall_above") is not None)
                lines.append(
                    f"- accuracy on the pairs at exact Jaccard >= threshold: crosscheck {cc['recall_above']:.4f}, "
                    f"best peer {ba:.4f}."
                    + (" A peer can beat crosscheck on plain recall by accepting copies whose true "
                       "Jaccard is just below the threshold on a noisy signature estimate."
                       if br > cc["recall"] else "")
                )
    sol = by.get("sol")
    if sol:
        lines.append(f"- crosscheck dedup / speed of light: {cc['wall'] / sol['wall']:.2f}x in wall time (target <= 2x)")
        if cc.get("instructions") and sol.get("instructions"):
            lines.append(f"- crosscheck dedup / speed of light: {cc['instructions'] / sol['instructions']:.2f}x in instructions "
                         f"({cc['instructions'] / 1e9:.2f} G / {sol['instructions'] / 1e9:.2f} G, callgrind)")
    for r in by.values():
        if r["key"] not in ("crosscheck", "sol") and r.get("instructions") and cc.get("instructions"):
            lines.append(f"- {r['label']}: {r['instructions'] / 1e9:.2f} G instructions, "
                         f"{r['instructions'] / cc['instructions']:.2f}x crosscheck's {cc['instructions'] / 1e9:.2f} G")
    lines.append(f"- crosscheck peak RSS per document: {cc['rss'] / cc['docs']:,.0f} B (whole process, base included)")
    return lines


def phase_notes(rows: list[dict]) -> list[str]:
    out = []
    for r in rows:
        st = r.get("stats") or {}
        phases = {k[:-2]: v for k, v in st.items() if k.endswith("_s") and k != "inner_s"}
        if not phases:
            continue
        parts = ", ".join(f"{k} {v:.2f}" for k, v in phases.items())
        extra = []
        if "inner_s" in st:
            extra.append(f"inside the process {st['inner_s']:.2f} s of {r['wall']:.2f} s wall")
        if "candidates" in st:
            extra.append(f"{st['candidates']:,} candidate pairs checked")
        if "threads" in st:
            extra.append(f"{st['threads']} threads")
        if "shingles" in st:
            extra.append(f"{st['shingles']:,} shingles")
        out.append(f"- {r['label']}: {parts}" + (f" ({'; '.join(extra)})" if extra else ""))
    return out


# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--sizes", default="10000,100000", help="corpus sizes to generate (default 10000,100000)")
    p.add_argument("--runs", type=int, default=3, help="runs per tool; the table shows the median (default 3)")
    p.add_argument("--quick", action="store_true", help="smoke test: --sizes 2000 --runs 1")
    p.add_argument("--tools", default=",".join(ALL_TOOLS), help=f"comma list of {','.join(ALL_TOOLS)}")
    p.add_argument("--corpus", type=Path, help="use this corpus.jsonl instead of generating (needs --truth)")
    p.add_argument("--truth", type=Path, help="truth.jsonl for --corpus")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--threshold", type=float, default=0.8, help="Jaccard threshold (default 0.8)")
    p.add_argument("--perm", type=int, default=128, help="MinHash permutations for the peers (default 128)")
    p.add_argument("--bands", type=int, default=16, help="LSH bands for the MinHash peers (default 16 x 8 rows)")
    p.add_argument("--distance", type=int, default=3, help="SimHash Hamming distance (default 3)")
    p.add_argument("--shingle", type=int, help="words per shingle (default: crosscheck dedup's default, else 3)")
    p.add_argument("--hash-seed", type=int, default=42, help="seed for the peers' hashes (default 42)")
    p.add_argument("--threads", type=int, help="threads for every tool that can use several (default: all cores)")
    p.add_argument("--sol-mode", choices=["window", "rolling"], default="window",
                   help="speed-of-light shingle hashing (see examples/speed_of_light.rs)")
    p.add_argument("--instructions", action="store_true",
                   help="also count instructions of the Rust tools (crosscheck, simhash crate, speed of light) "
                        "once under valgrind --tool=callgrind: a figure that does not move with the machine's load")
    p.add_argument("--timeout", type=float, default=3600, help="seconds before one run is killed (default 3600)")
    p.add_argument("--out-dir", type=Path, default=TARGET / "compare", help="results and corpora (default target/compare)")
    p.add_argument("--no-build", action="store_true", help="use the binaries already in target/release")
    p.add_argument("--no-install", action="store_true", help="do not pip install (use what the venv has)")
    opts = p.parse_args(argv)
    if opts.quick:
        opts.sizes, opts.runs = "2000", 1
    if (opts.corpus is None) != (opts.truth is None):
        p.error("--corpus and --truth go together")
    if opts.perm % opts.bands:
        p.error("--perm must be a multiple of --bands")
    opts.tools = [t.strip() for t in opts.tools.split(",") if t.strip()]
    for t in opts.tools:
        if t not in ALL_TOOLS:
            p.error(f"unknown tool {t!r}; known: {', '.join(ALL_TOOLS)}")
    return opts


def main(argv: list[str]) -> int:
    opts = parse_args(argv)  # before the venv, so --help and usage errors are instant
    bootstrap_venv(argv)
    import score  # noqa: E402  (beside this file; NumPy from the venv if present)

    out_root = opts.out_dir.resolve()
    out_root.mkdir(parents=True, exist_ok=True)
    wanted_py = [t for t in opts.tools if t in PY_PEERS]
    failed = install(wanted_py, opts.no_install)
    build(opts.no_build)
    caps = CrosscheckCaps.probe()
    shingle = opts.shingle or caps.shingle_default or 3
    log(f"shingle n = {shingle} ({'--shingle' if opts.shingle else 'crosscheck dedup default' if caps.shingle_default else 'fallback'})")

    if opts.corpus:
        c = opts.corpus.resolve()
        docs = count_lines(c)
        corpora = [Corpus(f"{c.name} ({docs:,} docs)", c, opts.truth.resolve(), docs, c.stat().st_size)]
    else:
        corpora = [generate(int(s), opts.seed, out_root, caps) for s in opts.sizes.split(",") if s.strip()]

    tools = make_tools(opts.tools, opts, caps, shingle, failed)
    env = dict(os.environ)
    if opts.threads:
        env["RAYON_NUM_THREADS"] = str(opts.threads)  # rensa and gaoya use rayon inside
    env.pop("COMPARE_NO_VENV", None)

    info = machine()
    settings = (f"word shingles n={shingle} (crosscheck's tokenizer in every tool), {opts.perm} permutations, "
                f"LSH {opts.bands} bands x {opts.perm // opts.bands} rows for the MinHash peers, "
                f"Jaccard threshold {opts.threshold}, SimHash Hamming <= {opts.distance}, "
                f"threads: {opts.threads or 'all cores'}, median of {opts.runs} run(s)")
    report = [
        "# crosscheck dedup vs peers",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
        "- machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        f"- settings: {settings}",
        "- command: `benches/compare/run.sh " + " ".join(argv) + "`",
        "",
    ]
    print("\n".join(report), flush=True)
    results = {"machine": info, "settings": vars(opts) | {"shingle": shingle}, "corpora": []}

    for corpus in corpora:
        work = out_root / corpus.path.parent.name
        work.mkdir(parents=True, exist_ok=True)
        truth = score.Truth(str(corpus.truth))
        cache = work / f"above-n{shingle}-t{opts.threshold}.json"
        if cache.exists() and cache.stat().st_mtime > corpus.path.stat().st_mtime:
            above = json.loads(cache.read_text())
        else:
            log(f"{corpus.label}: exact Jaccard of every true pair (once per corpus)")
            above = score.above_threshold(truth, str(corpus.path), shingle, opts.threshold)
            cache.write_text(json.dumps(above))
        log(f"{corpus.label}: {corpus.bytes / 1e6:.1f} MB, {truth.groups:,} groups, {truth.true_pairs:,} true pairs, "
            f"{len(above):,} at Jaccard >= {opts.threshold}")
        load_before = os.getloadavg()
        runs: dict[str, list[Run]] = {t.key: [] for t in tools}
        # Round-robin over the tools, so that a noisy minute hurts every tool a little rather
        # than one tool a lot.
        for i in range(opts.runs):
            for t in tools:
                if t.argv is None:
                    continue
                prev = runs[t.key]
                if prev and (prev[-1].code != 0):
                    continue  # failed once: do not retry
                pairs = work / f"{t.key}.pairs.jsonl"
                subst = {"{corpus}": str(corpus.path), "{pairs}": str(pairs)}
                argv = [subst.get(a, a) for a in t.argv]
                stdout = pairs if t.pairs_from_stdout else work / f"{t.key}.stdout"
                log(f"{corpus.label}: {t.key} run {i + 1}/{opts.runs}")
                r = measure(argv, stdout, work / f"{t.key}.stderr", env, opts.timeout)
                if not t.pairs_from_stdout:
                    r.stats = last_json(stdout)
                if r.code == 0 and t.scored:
                    r.pairs = count_lines(pairs)
                log(f"  {r.wall:.3f} s, {r.rss / 2**20:.0f} MiB, exit {r.code}"
                    + (" (timed out)" if r.timed_out else ""))
                prev.append(r)
        load_after = os.getloadavg()
        instructions: dict[str, int] = {}
        if opts.instructions:
            for t in tools:
                if t.argv is None or t.key not in RUST_TOOLS or not runs[t.key] or runs[t.key][-1].code:
                    continue
                subst = {"{corpus}": str(corpus.path), "{pairs}": str(work / f"{t.key}.cg.pairs.jsonl")}
                argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                        *[subst.get(a, a) for a in t.argv]]
                log(f"{corpus.label}: {t.key} under callgrind")
                err = work / f"{t.key}.cg.stderr"
                r = measure(argv, work / f"{t.key}.cg.stdout", err, env, opts.timeout * 100)
                m = re.search(r"Collected : (\d+)", err.read_text(errors="replace"))
                if r.code == 0 and m:
                    instructions[t.key] = int(m.group(1))
                    log(f"  {int(m.group(1)) / 1e9:.2f} G instructions")

        rows = []
        for t in tools:
            row = {"key": t.key, "label": t.label, "docs": corpus.docs}
            if t.key in instructions:
                row["instructions"] = instructions[t.key]
            rs = runs[t.key]
            ok = [r for r in rs if r.code == 0]
            if t.argv is None:
                row["status"] = t.why_missing
            elif not ok:
                bad = rs[-1]
                err = (work / f"{t.key}.stderr").read_text(errors="replace").strip().splitlines()
                row["status"] = ("timed out" if bad.timed_out else f"failed (exit {bad.code})") + (
                    f": {err[-1][:100]}" if err else "")
            else:
                walls = [r.wall for r in ok]
                med = statistics.median(walls)
                row.update(walls=walls, wall=med, rss=max(r.rss for r in ok))
                # Phase timings of the run closest to the median.
                row["stats"] = min(ok, key=lambda r: abs(r.wall - med)).stats
                counts = {r.pairs for r in ok}
                if len(counts) > 1:
                    row["status"] = f"pair counts differ across runs: {sorted(counts)}"
                if len(ok) < len(rs):
                    row["status"] = f"{len(rs) - len(ok)} run(s) failed"
                if t.scored:
                    row.update(score.score(truth, str(work / f"{t.key}.pairs.jsonl"), above))
            rows.append(row)

        section = [
            f"## {corpus.label}, {corpus.bytes / 1e6:.1f} MB, {truth.true_pairs:,} true pairs in {truth.groups:,} groups",
            "",
            f"{len(above):,} of the true pairs ({len(above) / max(truth.true_pairs, 1):.1%}) have an exact Jaccard >= "
            f"{opts.threshold} on word {shingle}-shingles: that is the recall ceiling of any tool at this threshold; "
            f"column 'recall J>={opts.threshold}' is the share of those a tool found.",
            "",
            f"corpus: `{corpus.path.relative_to(ROOT) if corpus.path.is_relative_to(ROOT) else corpus.path}`"
            + (f" (generated in {corpus.gen_s:.1f} s)" if corpus.gen_s else "")
            + f"; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after",
            "",
            table(corpus, rows),
            "",
        ]
        v = verdicts(rows)
        if v:
            section += ["Targets (issue 6):", "", *v, ""]
        notes = phase_notes(rows)
        if notes:
            section += ["Phase times inside each process (s, run closest to the median):", "", *notes, ""]
        report += section
        results["corpora"].append({"label": corpus.label, "path": str(corpus.path), "docs": corpus.docs,
                                   "bytes": corpus.bytes, "true_pairs": truth.true_pairs,
                                   "load_before": load_before, "load_after": load_after, "rows": rows})
        print("\n".join(section), flush=True)

    report += [
        "Notes: wall time is the whole process (interpreter start, imports, reading the JSON, "
        "tokenizing, sketching, indexing, querying, verifying, writing pairs), measured from outside; "
        "peak RSS is the process's ru_maxrss"
        + (" (GNU time)" if GNU_TIME.exists() else
           " (read by the driver without /usr/bin/time: includes a floor of the driver's own size)")
        + ". MB = 10^6 bytes of corpus.jsonl. Precision and recall are over document pairs against "
        "truth.jsonl (same `group` = true pair), every tool scored by benches/compare/score.py. "
        "Ratios are tool / crosscheck dedup (minhash): above 1 means slower or larger than crosscheck.",
        "",
    ]
    (out_root / "results.md").write_text("\n".join(report))
    (out_root / "results.json").write_text(json.dumps(results, indent=1, default=str))
    log(f"wrote {out_root / 'results.md'} and results.json")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main(sys.argv[1:]))
