"""Service under load: review listing/filtering with 100k tasks in PostgreSQL (or
SQLite), and concurrent uploads.

    python -m bench service                       # defaults below, ~4 minutes
    python -m bench service --tasks 100000 --clients 50 --seconds 10 --uploads 50
    python -m bench service --database sqlite --uploads 0      # the same lists on SQLite
    python -m bench service --only assignments_filter_unit_year --uploads 0

The load generator is ``wrk`` (C, one thread: a small share of one core, so the server
keeps the machine); install it with ``apt-get install -y wrk``. Without it the bench
falls back to a Python generator (asyncio + httpx) in this process, which eats a core of
its own, and says so in ``generator``.

What it does (bounded: every phase stops by itself):
1. makes a fresh PostgreSQL schema (dropped at the end), or with ``--database sqlite`` a
   SQLite file in a temporary folder, and fills it with --tasks synthetic tasks (5 per
   assignment, 10 assignments per document);
2. starts ``giaoviec serve`` on a free loopback port (--server-workers processes);
3. for each review query (a Lua script rotates its URLs and sends the token):
   - ``single_client``: ONE connection back to back: the baseline of the same run;
   - ``closed_loop``: --clients connections back to back (each sends its next request
     as soon as the answer arrives): the most the server can do. With 50 such clients
     the latency is 50 / throughput (Little's law), so p95 <= 50 ms needs >= 1000
     requests/s from two cores shared by the server, PostgreSQL and wrk;
   - ``paced``: --clients connections, each waiting a think time drawn uniformly from
     --think-ms (default 500-1500 ms) before its next request, as reviewers reading a
     page do (~50 requests/s for 50 reviewers); wrk measures latency from sending.
   Each reports p50/p95/p99 and requests/s, plus the server's CPU per request (its
   processes, from /proc: independent of what else the machine runs) and PostgreSQL's:
   ``postgres_server_backends_cpu_ms_per_request`` counts the backends serving the bench's
   server only (found by their application_name), ``postgres_cpu_ms_per_request`` every
   postgres process (other users of the same PostgreSQL too, on a shared machine);
4. sends --uploads distinct files at once (one request each), then checks that each
   got an id, a stored original and a row, and waits (bounded) until all are processed.

Prints one JSON object and writes bench/out/service.json. Target (issue 5): p95 <= 50 ms
at 50 clients; no upload lost.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("GIAOVIEC_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
          "Ma", "Nông", "Lương", "Hà", "Triệu", "Bàn", "Vi"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Hữu", "Thu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hòa", "Khải", "Lan", "Long", "Mai", "Nam", "Phúc",
         "Quân", "Sơn", "Tâm", "Thắng", "Thủy", "Tuấn", "Yến"]
COMMUNES = ["Hòa Phú", "Tân Mỹ", "Yên Lập", "Phúc Sơn", "Bình An", "Kim Bình", "Minh Quang", "Trung Hà",
            "Xuân Quang", "Vinh Quang", "Tri Phú", "Linh Phú", "Bình Nhân", "Hùng Mỹ", "Ngọc Hội", "Phú Bình",
            "Tân An", "Tân Thịnh", "Nhân Lý", "Kiên Đài"]
TITLES = ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Bí thư Đảng ủy xã", "Phó Bí thư Đảng ủy xã"]
VERBS = ["Chỉ đạo hoàn thành", "Vận động nhân dân", "Tổ chức thực hiện", "Phối hợp triển khai", "Hoàn thành"]
OBJECTS = ["cứng hóa {n} km đường giao thông nông thôn thôn {c}", "trồng mới {n} ha rừng sản xuất",
           "xây dựng nhà văn hóa thôn {c}", "kết nạp {n} đảng viên mới", "cấp giấy chứng nhận cho {n} hộ",
           "xây dựng {n} mô hình kinh tế hộ gia đình", "giảm {n} hộ nghèo", "kiên cố hóa {n} km kênh mương"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values, q):
    if not values:
        return None
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(q / 100 * (len(values) - 1)))))
    return round(values[k] * 1000, 2)


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its children (the server's
    worker processes). Divided by requests it gives the server's own cost per request,
    which does not depend on what else the machine is running."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo.extend(int(k) for k in kids)
        except (OSError, ValueError, IndexError):
            continue
    return total


def seed(url: str, n_tasks: int, rnd: random.Random) -> dict:
    """Fill the schema with synthetic documents, assignments and tasks (bulk inserts)."""
    from sqlalchemy import insert

    from service.storage.db import get_engine
    from service.storage.fold import fold
    from service.storage.models import Assignment, Document, Task, utcnow

    per_a, per_d = 5, 10
    n_a = max(1, n_tasks // per_a)
    n_d = max(1, n_a // per_d)
    now = utcnow()
    t0 = time.perf_counter()
    eng = get_engine()
    with eng.begin() as c:
        c.execute(insert(Document), [
            {"id": d + 1, "name": f"qd-{d + 1}.pdf", "sha256": uuid.uuid4().hex + uuid.uuid4().hex, "size": 1000,
             "format": "pdf", "kind": "decision", "pages": 2, "pages_done": 2, "ocr": bool(d % 3 == 0),
             "stage": "done", "status": "done", "uploaded_by": "bench", "uploaded_at": now, "attempts": 1,
             "runs": 1} for d in range(n_d)])
        rows_a, rows_t = [], []
        tid = 0
        for a in range(n_a):
            name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            commune = rnd.choice(COMMUNES)
            unit = f"UBND xã {commune}"
            pos = f"{rnd.choice(TITLES)} {commune}"
            year = rnd.randint(2019, 2025)
            status = rnd.choice(["pending", "pending", "confirmed", "rejected"])
            rows_a.append({"id": a + 1, "document_id": min(a // per_d + 1, n_d), "ordinal": a % per_d,
                           "cadre": name, "position": pos, "unit": unit, "period_text": f"Năm {year}",
                           "period_start": year, "period_end": year, "confidence": 0.9, "status": status,
                           "warnings": [], "corrected": [], "cadre_folded": fold(name), "unit_folded": fold(unit),
                           "position_folded": fold(pos), "span": {"page": 1, "start": 0, "end": 10}})
            for j in range(per_a):
                tid += 1
                # Mostly distinct texts, as in real archives (a few duplicates come from the draw).
                text = (f"{rnd.choice(VERBS)} "
                        + rnd.choice(OBJECTS).format(n=rnd.randint(1, 999), c=rnd.choice(COMMUNES))
                        + f" tại thôn {rnd.choice(GIVEN)} {rnd.randint(1, 99)} năm {year}")
                rows_t.append({"id": tid, "assignment_id": a + 1, "document_id": rows_a[-1]["document_id"],
                               "ordinal": j, "text": text, "text_folded": fold(text), "extracted_text": text,
                               "year": year, "confidence": 0.8, "status": rnd.choice(["pending", "confirmed"]),
                               "corrected": False, "span": {"page": 1, "start": 0, "end": 10}})
            if len(rows_a) >= 5000:
                c.execute(insert(Assignment), rows_a)
                c.execute(insert(Task), rows_t)
                rows_a, rows_t = [], []
        if rows_a:
            c.execute(insert(Assignment), rows_a)
            c.execute(insert(Task), rows_t)
        if c.dialect.name == "postgresql":  # ids were given: move the sequences past them
            for table in ("documents", "assignments", "tasks"):
                c.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT max(id) FROM {table}))")
        c.exec_driver_sql("ANALYZE")
    return {"documents": n_d, "assignments": n_a, "tasks": tid, "seconds": round(time.perf_counter() - t0, 1)}


def postgres_cpu() -> dict[int, float]:
    """CPU seconds used so far by each process named postgres (the server's backends among
    them; other users of the database count too, hence reported separately)."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            head, rest = (p / "stat").read_text().rsplit(")", 1)
            if head.split("(", 1)[1] in ("postgres", "postmaster"):
                fields = rest.split()
                out[int(p.name)] = (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue
    return out


def postgres_cpu_since(before: dict[int, float], pids: set[int] | None = None) -> float:
    """CPU seconds postgres processes (only ``pids`` if given) used since ``before``; a
    process born meanwhile counts from zero, one that exited meanwhile is lost (a slight
    undercount)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in postgres_cpu().items() if pids is None or pid in pids)


def server_backends(plain_url: str, app_name: str) -> set[int]:
    """The PostgreSQL backends serving the bench's server (its connections carry
    ``application_name``): their CPU is the database's cost of its requests, apart from
    whatever else the shared machine runs against the same PostgreSQL."""
    import psycopg

    with psycopg.connect(plain_url, autocommit=True, connect_timeout=3) as conn:
        return {r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s",
                                           (app_name,))}


WRK_SCRIPT = """
local paths = {PATHS}
local headers = {["Authorization"] = "Bearer TOKEN"}
local reqs, i = {}, 0
local think_lo, think_hi = THINK_LO, THINK_HI

function init(args)
  for k, p in ipairs(paths) do reqs[k] = wrk.format("GET", p, headers) end
  math.randomseed(7)
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

if think_hi > 0 then
  function delay() return math.random(think_lo, think_hi) end
end

function done(summary, latency, requests)
  local e = summary.errors
  local f = io.open("OUT", "w")
  f:write(string.format(
    '{"requests":%d,"duration_us":%d,"errors":%d,' ..
    '"error_kinds":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
  f:close()
end
"""


def run_wrk(base: str, token: str, paths: list[str], clients: int, seconds: float, tmp: Path,
            think_ms: tuple[int, int] = (0, 0)) -> dict:
    """wrk with ``clients`` connections on one thread for ``seconds``; URLs rotate; with a
    think time each connection waits that long (uniform, ms) before its next request."""
    import resource

    out = tmp / f"wrk-{uuid.uuid4().hex[:8]}.json"
    script = tmp / (out.stem + ".lua")
    lua_paths = "{" + ", ".join(json.dumps(p) for p in paths) + "}"
    script.write_text(WRK_SCRIPT.replace("{PATHS}", lua_paths).replace("TOKEN", token)
                      .replace("THINK_LO", str(think_ms[0])).replace("THINK_HI", str(think_ms[1]))
                      .replace("OUT", str(out)))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(["wrk", "-t", "1", "-c", str(clients), "-d", f"{max(1, round(seconds))}s",
                           "--timeout", "30s", "-s", str(script), base], capture_output=True, text=True,
                          timeout=seconds + 60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr[-500:] or proc.stdout[-500:]}")
    r = json.loads(out.read_text())
    wall = r.pop("duration_us") / 1e6
    res = {"requests": r["requests"], "errors": r["errors"], "rps": round(r["requests"] / wall, 1)}
    for k in ("p50", "p95", "p99", "max"):
        res[f"{k}_ms"] = round(r[f"{k}_us"] / 1000, 2)
    res["error_kinds"] = {k: v for k, v in r["error_kinds"].items() if v}
    res["generator_cpu_s"] = round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2)
    return res


async def load(base: str, token: str, paths: list[str], clients: int, seconds: float,
               think_ms: tuple[int, int] = (0, 0)) -> dict:
    """Fallback without wrk: ``clients`` concurrent Python clients in this process (eats a
    core of its own), back to back or with a think time, for ``seconds``."""
    import httpx

    lat: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}, limits=limits,
                                 timeout=30) as client:
        stop = time.perf_counter() + seconds

        async def one(i):
            nonlocal errors
            k = i
            while time.perf_counter() < stop:
                path = paths[k % len(paths)]
                k += 1
                t = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == 200
                except httpx.HTTPError as err:  # counted, not fatal: the figure says how many
                    ok = False
                    kinds[type(err).__name__] = kinds.get(type(err).__name__, 0) + 1
                lat.append(time.perf_counter() - t)
                if not ok:
                    errors += 1
                if think_ms[1]:
                    await asyncio.sleep(random.uniform(*think_ms) / 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(clients)))
        wall = time.perf_counter() - t0
    return {"requests": len(lat), "errors": errors, "error_kinds": kinds, "rps": round(len(lat) / wall, 1),
            "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99)}


async def uploads(base: str, token: str, n: int) -> dict:
    import httpx

    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120,
                                 limits=httpx.Limits(max_connections=n)) as client:
        async def one(i):
            text = (f"Năm 2024, đồng chí Tải Văn Số{i}, Chủ tịch UBND xã Thử {i} được giao 1 việc đột phá là: "
                    f"hoàn thành {i + 1} km đường thôn Bản {i}.")
            t = time.perf_counter()
            try:
                r = await client.post("/api/documents", files=[("file", (f"upload-{i}.txt", text.encode()))])
            except httpx.HTTPError as err:
                return type(err).__name__, None, time.perf_counter() - t
            return r.status_code, (r.json() if r.status_code == 202 else r.text), time.perf_counter() - t

        t0 = time.perf_counter()
        res = await asyncio.gather(*(one(i) for i in range(n)))
        wall = time.perf_counter() - t0
    ok = [r for r in res if r[0] == 202]
    ids = [r[1]["documents"][0]["id"] for r in ok]
    return {"sent": n, "accepted": len(ok), "refused": [r[0] for r in res if r[0] != 202],
            "distinct_ids": len(set(ids)), "ids": ids, "seconds": round(wall, 2),
            "p95_ms": pct([r[2] for r in res], 95)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench service", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=8.0, help="per query scenario")
    ap.add_argument("--uploads", type=int, default=50)
    ap.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql",
                    help="where the lists are stored (PostgreSQL: GIAOVIEC_BENCH_PG, a schema of its own)")
    ap.add_argument("--only", action="append", default=None, metavar="QUERY",
                    help="run only this list query (repeatable; names as in the output's 'queries')")
    ap.add_argument("--server-workers", type=int, default=None,
                    help="giaoviec serve --workers (default 2 on PostgreSQL, 1 on SQLite: serve's own choice there)")
    ap.add_argument("--paced-seconds", type=float, default=12.0, help="per query, paced clients")
    ap.add_argument("--think-ms", default="500-1500", help="paced clients: think time range, ms")
    ap.add_argument("--pg-random-page-cost", default="1.1",
                    help="PostgreSQL random_page_cost for the server's connections ('' = the server's own)")
    ap.add_argument("--process-timeout", type=float, default=240.0, help="bound on waiting for uploads to be processed")
    ap.add_argument("--keep", action="store_true", help="keep the schema (prints its name)")
    args = ap.parse_args(argv)

    sqlite = args.database == "sqlite"
    if args.server_workers is None:
        args.server_workers = 1 if sqlite else 2
    schema = f"gvbench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    plain = PG.replace("postgresql+psycopg", "postgresql")
    tmp = Path(tempfile.mkdtemp(prefix="gvbench-"))
    if sqlite:
        url = f"sqlite:///{tmp / 'bench.db'}"
    else:
        import psycopg

        try:
            with psycopg.connect(plain, autocommit=True, connect_timeout=3) as conn:
                conn.execute(f'CREATE SCHEMA "{schema}"')
        except Exception as err:
            print(json.dumps({"error": f"PostgreSQL at {PG} is not reachable ({err}); start it (make services)"}))
            return 1
        # random_page_cost 1.1 (the usual setting for SSDs or a database held in RAM; the
        # default 4 is for spinning disks): with 4 the planner scans the whole table for
        # "unit LIKE '%hoa phu%'" instead of the pg_trgm index, twice the time per count.
        pg_opts = f"-csearch_path%3D{schema}"
        if args.pg_random_page_cost:
            pg_opts += f"%20-crandom_page_cost%3D{args.pg_random_page_cost}"
        url = f"{PG}?options={pg_opts}&application_name={schema}"
    env = dict(os.environ, GIAOVIEC_DATABASE_URL=url, GIAOVIEC_DATA_DIR=str(tmp / "data"), GIAOVIEC_WORKERS="1",
               OMP_THREAD_LIMIT="1", GIAOVIEC_BOOTSTRAP_ADMIN="false")
    env.pop("GIAOVIEC_BROKER_URL", None)
    os.environ.update({k: env[k] for k in ("GIAOVIEC_DATABASE_URL", "GIAOVIEC_DATA_DIR")})
    server = None
    out: dict = {"bench": "service", "database": args.database, "tasks": args.tasks, "clients": args.clients,
                 "seconds": args.seconds, "server_workers": args.server_workers, "target_p95_ms": 50}
    if not sqlite:
        out["postgres_random_page_cost"] = args.pg_random_page_cost or "server default"
    try:
        from service.settings import get_settings

        get_settings.cache_clear()
        from service.auth import create_user
        from service.storage.db import init_db, session_scope

        init_db(url)
        with session_scope() as s:
            _, token = create_user(s, "bench", "admin")
        rnd = random.Random(7)
        out["seed"] = seed(url, args.tasks, rnd)

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "service", "serve", "--port", str(port), "--workers",
                                   str(args.server_workers)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=open(tmp / "server.log", "wb"), start_new_session=True)
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"server did not start: {(tmp / 'server.log').read_text()[-2000:]}")
            time.sleep(0.3)

        years = list(range(2019, 2026))
        scenarios = {
            "assignments_page": ["/api/assignments?limit=50"],
            "assignments_filter_unit_year": [f"/api/assignments?unit={c.replace(' ', '%20')}&year={y}&limit=50"
                                             for c in ("hoa phu", "tan my", "yen lap", "kim binh") for y in years],
            "assignments_pending_offset": [f"/api/assignments?status=pending&limit=50&offset={o}"
                                           for o in (0, 500, 2000, 5000)],
            "tasks_search_q": [f"/api/tasks?q={q.replace(' ', '%20')}&limit=50"
                               for q in ("duong giao thong", "trong moi", "nha van hoa", "dang vien")],
            "tasks_filter_cadre": [f"/api/tasks?cadre={n.replace(' ', '%20')}&limit=50"
                                   for n in ("nguyen van", "le thi", "ma duc")],
            "documents_page": ["/api/documents?limit=50"],
        }
        if args.only:
            unknown = sorted(set(args.only) - set(scenarios))
            if unknown:
                raise ValueError(f"--only {', '.join(unknown)}: no such query; choose from {', '.join(scenarios)}")
            scenarios = {k: v for k, v in scenarios.items() if k in args.only}
        think = tuple(int(x) for x in args.think_ms.split("-"))
        wrk = shutil.which("wrk")
        out["generator"] = ("wrk (one thread)" if wrk else
                            "python asyncio+httpx in the bench process (wrk missing: apt-get install -y wrk); "
                            "it competes with the server for CPU")

        def measure(paths, clients, seconds, think_ms=(0, 0)) -> dict:
            cpu0, pg0 = tree_cpu_seconds(server.pid), (None if sqlite else postgres_cpu())
            if wrk:
                res = run_wrk(base, token, paths, clients, seconds, tmp, think_ms)
            else:
                res = asyncio.run(load(base, token, paths, clients, seconds, think_ms))
            n = max(1, res["requests"])
            res["server_cpu_ms_per_request"] = round((tree_cpu_seconds(server.pid) - cpu0) / n * 1000, 2)
            if pg0 is not None:  # SQLite runs inside the server: its CPU is the server's
                res["postgres_cpu_ms_per_request"] = round(postgres_cpu_since(pg0) / n * 1000, 2)
                res["postgres_server_backends_cpu_ms_per_request"] = round(
                    postgres_cpu_since(pg0, server_backends(plain, schema)) / n * 1000, 2)
            res["load_average_1m"] = round(os.getloadavg()[0], 1)
            return res

        out["load_average_at_start"] = os.getloadavg()
        out["floor_api_me_closed_loop"] = measure(["/api/me"], args.clients, min(args.seconds, 4))
        results = {}
        for name, paths in scenarios.items():
            single = measure(paths, 1, min(args.seconds, 4))
            closed = measure(paths, args.clients, args.seconds)
            paced = measure(paths, args.clients, args.paced_seconds, think)
            results[name] = {
                "single_client": single,
                f"closed_loop_{args.clients}": closed,
                f"paced_{args.clients}_think_{args.think_ms}ms": paced,
                "ratio_p95_closed_vs_single": (round(closed["p95_ms"] / single["p95_ms"], 1)
                                               if single["p95_ms"] else None),
                "ratio_p95_paced_vs_single": round(paced["p95_ms"] / single["p95_ms"], 1) if single["p95_ms"] else None,
                "meets_target_closed_loop": closed["p95_ms"] <= 50 and not closed["errors"],
                "meets_target_paced": paced["p95_ms"] <= 50 and not paced["errors"],
            }
        out["queries"] = results

        # concurrent uploads: none lost
        up = asyncio.run(uploads(base, token, args.uploads))
        from sqlalchemy import select

        from service.processing import original_path
        from service.storage.models import Document

        deadline = time.monotonic() + args.process_timeout
        while True:
            with session_scope() as s:
                docs = s.scalars(select(Document).where(Document.id.in_(up["ids"]))).all()
                states = {}
                for d in docs:
                    states[d.status] = states.get(d.status, 0) + 1
                stored = sum(1 for d in docs if original_path(d).is_file())
            if states.get("queued", 0) + states.get("processing", 0) == 0 or time.monotonic() > deadline:
                break
            time.sleep(1)
        up.update({"rows": len(docs), "originals_stored": stored, "final_status": states,
                   "processed_within_s": round(args.process_timeout - max(0, deadline - time.monotonic()), 1),
                   "lost": args.uploads - len(docs)})
        up.pop("ids")
        out["uploads"] = up
    except Exception as err:  # report what was measured, and why it stopped
        out["error"] = f"{type(err).__name__}: {err}"
        log = tmp / "server.log"
        out["server_log_tail"] = log.read_text(errors="replace")[-1500:] if log.exists() else None
    finally:
        if server is not None and server.poll() is None:
            import signal

            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        from service.storage import db

        if db._engine is not None:
            db._engine.dispose()
        if args.keep:
            out["schema" if not sqlite else "database"] = schema if not sqlite else url
        elif sqlite:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            import psycopg

            with psycopg.connect(plain, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    # the machine is shared: the latencies mean little without what else it was running
    out["load_average_at_end"] = os.getloadavg()
    out["cpu_count"] = os.cpu_count()
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
