#!/usr/bin/python3
"""Run `zonefacts extract` over a JSONL corpus on a Dask cluster (docs/scale.md).

Each partition of the corpus (a `dask.bag` of its lines) is piped through the zonefacts mapper,
`node bin/zonefacts.cjs extract --input-format jsonl -`, as a subprocess on whichever worker holds
it; the driver gathers the output in corpus order. With --summary, each partition is also
summarized on its worker (`zonefacts summarize`) and the partial summaries are merged
(`zonefacts summarize --merge`): the reduce step.

    # a local cluster of two worker processes on 127.0.0.1
    /usr/bin/python3 scripts/dask/run_dask.py corpus.jsonl -o facts.jsonl --workers 2

    # an existing cluster
    /usr/bin/python3 scripts/dask/run_dask.py corpus.jsonl -o facts.jsonl --scheduler tcp://10.0.0.5:8786

Exit code: 0 when every record was processed, 1 when some record failed (its error record is in
the output, as zonefacts extract gives it), 2 on a usage error; a partition that fails in any
other way (the mapper crashed, a worker died more often than --retries allows) stops the run
with an exception.
"""
import argparse
import json
import os
import pathlib
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from functools import partial

ROOT = pathlib.Path(__file__).resolve().parents[2]

EXTRACT_ARGS = ["extract", "--input-format", "jsonl", "--format", "jsonl", "--quiet"]
# {input}: a partition's extract output (a .jsonl file); {parts}: the partial summaries, one argument each
SUMMARIZE_ARGS = "summarize {input} --partial"
MERGE_ARGS = "summarize --merge {parts} --format json"


def first_id(lines):
    """The id of the first record in a partition that has one (to name the partition in messages)."""
    for line in lines:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and rec.get("id") is not None:
            return str(rec["id"])
    return None


def expand(template, **values):
    """A command template ("summarize {input} --format json") → argv, a list value giving one argument per item."""
    argv = []
    for word in shlex.split(template):
        key = word[1:-1] if word.startswith("{") and word.endswith("}") else None
        if key in values:
            value = values[key]
            argv.extend(value if isinstance(value, list) else [value])
        else:
            argv.append(word)
    return argv


def zonefacts(cmd, argv, data=None):
    """Run zonefacts; exit codes 0 and 1 are results (1: some record failed), anything else is a failure."""
    proc = subprocess.run(cmd + argv, input=data, capture_output=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(
            f"{shlex.join(cmd + argv)} exited with {proc.returncode}: {proc.stderr.decode(errors='replace').strip()}"
        )
    return proc


def map_partition(lines, index, cmd, jobs, summarize_args, trace_dir, out_dir):
    """One partition (its JSONL lines; `index`: [its number]) → [one dict: the mapper's output, exit code and partial summary].

    With out_dir the output is written there by the worker (part-00007.jsonl, renamed into place
    when complete, so a retried partition never leaves half a file) instead of travelling back.
    """
    (index,) = index
    lines = [line if line.endswith("\n") else line + "\n" for line in lines]
    pid = os.getpid()
    first = first_id(lines)
    if trace_dir:
        # one file per attempt, so a test (or a curious user) sees which worker started which partition
        marker = pathlib.Path(trace_dir) / f"start-{pid}-{uuid.uuid4().hex}.json"
        marker.write_text(json.dumps({"pid": pid, "partition": index, "first_id": first, "records": len(lines)}))
    # the mapper's CPU time (children of this worker: exact with one thread a worker)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = zonefacts(cmd, EXTRACT_ARGS + ["--jobs", str(jobs), "-"], "".join(lines).encode("utf-8"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    partial_summary = None
    if summarize_args:
        with tempfile.TemporaryDirectory(prefix="zonefacts-part-") as tmp:
            facts = pathlib.Path(tmp) / "part.jsonl"
            facts.write_bytes(proc.stdout)
            partial_summary = zonefacts(cmd, expand(summarize_args, input=str(facts))).stdout.decode("utf-8")
    output = proc.stdout.decode("utf-8")
    if out_dir:
        target = pathlib.Path(out_dir) / f"part-{index:05d}.jsonl"
        temp = target.with_name(f".{target.name}.{pid}.tmp")
        temp.write_bytes(proc.stdout)
        os.replace(temp, target)
        output = ""
    return [{
        "partition": index,
        "first_id": first,
        "records": sum(1 for line in lines if line.strip()),
        "exit": proc.returncode,
        "pid": pid,
        "cpu_seconds": cpu,
        "output": output,
        "stderr": proc.stderr.decode("utf-8", errors="replace"),
        "partial": partial_summary,
    }]


def merge_summaries(cmd, partials, merge_args):
    """The reduce step: partial summaries → one summary, by `zonefacts summarize --merge`."""
    with tempfile.TemporaryDirectory(prefix="zonefacts-merge-") as tmp:
        parts = []
        for i, text in enumerate(partials):
            part = pathlib.Path(tmp) / f"part-{i:05d}.json"
            part.write_text(text, encoding="utf-8")
            parts.append(str(part))
        return zonefacts(cmd, expand(merge_args, parts=parts)).stdout.decode("utf-8")


def connect(args):
    """A client of the cluster asked for: an existing scheduler, or a local cluster of worker processes."""
    from distributed import Client, LocalCluster

    if args.scheduler or args.scheduler_file:
        client = Client(args.scheduler, scheduler_file=args.scheduler_file)
        if args.workers:
            client.wait_for_workers(args.workers, timeout=args.wait)
        return client, None
    cluster = LocalCluster(
        n_workers=args.workers or 2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    return Client(cluster), cluster


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="See docs/scale.md.")
    parser.add_argument("corpus", help="JSONL corpus: one {\"id\", \"text\"|\"html\", …} record a line (a path or an fsspec URL)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("-o", "--out", default="-", help="merged JSONL output, in corpus order, gathered by this driver (default: stdout)")
    out.add_argument("--out-dir", help="each worker writes its partitions' output here, part-NNNNN.jsonl "
                     "(on storage every worker shares: for corpora larger than the driver's memory)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    where.add_argument("--scheduler-file", help="a running scheduler's --scheduler-file")
    parser.add_argument("--workers", type=int, help="local cluster: worker processes (default 2); "
                        "existing cluster: wait until this many have joined")
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for --workers to join (default 60)")
    parser.add_argument("--partitions", type=int, default=16, help="split the corpus into about this many partitions (default 16)")
    parser.add_argument("--jobs", type=int, default=1, help="zonefacts --jobs inside each partition (default 1: one core per worker thread)")
    parser.add_argument("--retries", type=int, default=1, help="re-run a partition whose mapper failed this many times (default 1)")
    parser.add_argument("--node", default=shutil.which("node") or "node", help="the node binary on the workers (default: node on PATH)")
    parser.add_argument("--zonefacts", default=str(ROOT / "bin" / "zonefacts.cjs"), help="bin/zonefacts.cjs on the workers")
    parser.add_argument("--summary", help="also summarize each partition and write the merged summary here (zonefacts summarize --merge)")
    parser.add_argument("--summarize-args", default=SUMMARIZE_ARGS, help=f"zonefacts arguments for a partial summary (default: \"{SUMMARIZE_ARGS}\")")
    parser.add_argument("--merge-args", default=MERGE_ARGS, help=f"zonefacts arguments for the merge (default: \"{MERGE_ARGS}\")")
    parser.add_argument("--report", help="write a JSON report here: partitions (first id, records, exit code, worker pid) and timing")
    parser.add_argument("--trace-dir", help="each partition attempt writes a start-PID-*.json file here")
    args = parser.parse_args(argv)
    if args.partitions < 1 or args.jobs < 1 or args.retries < 0 or (args.workers is not None and args.workers < 1):
        parser.error("--partitions, --jobs and --workers must be at least 1, --retries at least 0")
    return args


def main(argv=None):
    args = parse_args(argv)
    import dask.bag as db
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(args.corpus)
    if not fs.exists(path):
        print(f"run_dask: {args.corpus}: no such file", file=sys.stderr)
        return 2
    size = fs.size(path)
    cmd = [args.node, args.zonefacts]
    client, cluster = connect(args)
    try:
        workers = len(client.scheduler_info()["workers"])
        started = time.monotonic()
        # byte ranges cut at line ends: each worker reads its own partitions from the corpus
        # (dask makes size // blocksize blocks, so a floor here gives --partitions of them)
        bag = db.read_text(args.corpus, blocksize=max(1, size // args.partitions), encoding="utf-8")
        numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
        mapper = partial(
            map_partition, cmd=cmd, jobs=args.jobs,
            summarize_args=args.summarize_args if args.summary else None, trace_dir=args.trace_dir, out_dir=args.out_dir,
        )
        if args.out_dir:
            os.makedirs(args.out_dir, exist_ok=True)
        parts = bag.map_partitions(mapper, numbers).compute(retries=args.retries)
        seconds = time.monotonic() - started
        summary = merge_summaries(cmd, [p["partial"] for p in parts], args.merge_args) if args.summary else None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    if not args.out_dir:
        out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
        with out:
            for p in parts:
                out.write(p["output"])
    if summary is not None:
        pathlib.Path(args.summary).write_text(summary, encoding="utf-8")
    failed = [p for p in parts if p["exit"] != 0]
    for p in parts:
        for line in p["stderr"].splitlines():
            print(f"run_dask: partition {p['partition']} (first id {p['first_id']}): {line}", file=sys.stderr)
    records = sum(p["records"] for p in parts)
    cpu = sum(p["cpu_seconds"] for p in parts)
    print(
        f"run_dask: {records} records ({size / 1e6:.1f} MB) in {len(parts)} partitions on {workers} workers, "
        f"{seconds:.1f} s ({records / seconds:.0f} records/s, {size / 1e6 / seconds:.2f} MB/s); "
        f"mapper CPU {cpu:.1f} s ({size / 1e6 / cpu:.2f} MB/s a core); "
        f"{len(failed)} partition(s) with failed records",
        file=sys.stderr,
    )
    if args.report:
        report = {
            "workers": workers, "records": records, "bytes": size, "seconds": seconds, "cpu_seconds": cpu,
            "partitions": [{k: p[k] for k in ("partition", "first_id", "records", "exit", "pid", "cpu_seconds")} for p in parts],
        }
        pathlib.Path(args.report).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
