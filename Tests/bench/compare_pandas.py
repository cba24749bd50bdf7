#!/usr/bin/env python3
"""Lantian's air-data commands against the analyst's pandas pipeline, on one generated CNEMC file.

Usage: Tests/bench/compare_pandas.py [--stations 500] [--days 30] [--lantian .build/release/lantian]

Generates one CNEMC hourly file (stations x days x 24 station-hours, about 1 % of values missing), then times,
in the same run on this machine:

  compute  `lantian aq compute FILE --format csv > out.csv`
           vs pandas read_csv + numpy HJ 633 hourly IAQI/AQI/primary pollutant + to_csv
  import   `lantian aq import FILE --register provincial` into a fresh SQLite database
           vs pandas read_csv + the same AQI + to_sql into a fresh SQLite database

and prints station-hours per second for each side and the ratio (Lantian / pandas). Needs pandas and numpy
(`pip install pandas numpy`). The figures go to docs/PERFORMANCE.md with the machine and the date.
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

HEADER = ("timepoint,stationcode,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,"
          "o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h")

# HJ 633-2012 table 1: IAQI steps and the hourly breakpoints the real-time AQI uses (PM with its 24-hour steps).
IAQI = [0, 50, 100, 150, 200, 300, 400, 500]
BREAKPOINTS = {
    "so2": [0, 150, 500, 650, 800],  # 1-hour; above 800 the 24-hour value decides (not reached here)
    "no2": [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    "pm10": [0, 50, 150, 250, 350, 420, 500, 600],
    "co": [0, 5, 10, 35, 60, 90, 120, 150],
    "o3": [0, 160, 200, 300, 400, 800, 1000, 1200],
    "pm2_5": [0, 35, 75, 115, 150, 250, 350, 500],
}
CATEGORIES = np.array(["优", "良", "轻度污染", "中度污染", "重度污染", "严重污染"], dtype=object)


def generate(path, stations, days, seed=2021):
    rng = np.random.default_rng(seed)
    n = stations * days * 24
    day = np.repeat(np.arange(days), 24 * stations)
    hour = np.tile(np.repeat(np.arange(1, 25), stations), days)
    station = np.tile(np.arange(stations), days * 24)
    weather = 0.6 + 2.0 * rng.random(days)[day]
    level = weather * (0.7 + 0.6 * rng.random(stations))[station]
    night = 1 + 0.25 * np.cos(2 * np.pi * (hour - 23) / 24)
    noise = 0.8 + 0.4 * rng.random(n)
    pm25 = np.maximum(1, np.round(35 * level * night * noise))
    pm10 = np.round(pm25 * (1.3 + 0.4 * rng.random(n)))
    no2 = np.round(15 + 25 * level * night * noise)
    so2 = np.round(4 + 8 * level * noise)
    co = np.round((0.3 + 0.5 * level * noise) * 10) / 10
    sun = np.where((hour >= 8) & (hour <= 19), np.sin(np.pi * (hour - 7) / 13), 0.1)
    o3 = np.maximum(2, np.round(80 * sun / weather + 10 * rng.random(n)))
    base = np.datetime64("2021-11-01T00:00")
    stamps = (base + (day * 24 + hour).astype("timedelta64[h]")).astype("datetime64[s]").astype(str)
    frame = pd.DataFrame({
        "timepoint": stamps, "stationcode": np.char.add("S", (station + 1000).astype(str)),
        "positionname": "Site", "primarypollutant": "", "aqi": "",
        "pm10": pm10, "pm10_24h": pm10, "pm2_5": pm25, "pm2_5_24h": pm25, "o3": o3, "o3_24h": o3, "o3_8h": o3,
        "o3_8h_24h": o3, "no2": no2, "no2_24h": no2, "so2": so2, "so2_24h": so2, "co": co, "co_24h": co,
    })
    for column in ["pm10", "pm2_5", "o3", "no2", "so2", "co"]:
        frame.loc[rng.random(n) < 0.01, column] = np.nan
    frame.to_csv(path, index=False, header=HEADER.split(","), float_format="%g")
    return n


def iaqi(values, steps):
    steps = np.asarray(steps, dtype=float)
    index = np.clip(np.searchsorted(steps, values, side="left"), 1, len(steps) - 1)
    low, high = steps[index - 1], steps[index]
    ilow, ihigh = np.asarray(IAQI, dtype=float)[index - 1], np.asarray(IAQI, dtype=float)[index]
    result = np.ceil((ihigh - ilow) / (high - low) * (values - low) + ilow)
    return np.where(np.isnan(values), np.nan, result)


def pandas_aqi(frame):
    table = {}
    for name, steps in BREAKPOINTS.items():
        table["iaqi_" + name] = iaqi(frame[name].to_numpy(dtype=float), steps)
    iaqis = pd.DataFrame(table)
    aqi = iaqis.max(axis=1, skipna=True)
    category = pd.cut(aqi, [-1, 50, 100, 150, 200, 300, 10_000], labels=False)
    primary = iaqis.idxmax(axis=1, skipna=True).str.removeprefix("iaqi_").where(aqi > 50, "")
    out = pd.concat([frame[["stationcode", "timepoint", "so2", "no2", "pm10", "co", "o3", "pm2_5"]], iaqis], axis=1)
    out["aqi"] = aqi
    out["category"] = CATEGORIES[category.fillna(0).astype(int).to_numpy()]
    out["primary"] = primary
    return out


def pandas_compute(source, target):
    frame = pd.read_csv(source)
    pandas_aqi(frame).to_csv(target, index=False)


def pandas_import(source, database):
    frame = pd.read_csv(source)
    out = pandas_aqi(frame)
    with sqlite3.connect(database) as connection:
        out.to_sql("station_hours", connection, index=False)


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", type=int, default=500)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--lantian", default=".build/release/lantian")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs per side")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="lantian-vs-pandas-")
    source = os.path.join(work, "cnemc.csv")
    hours = generate(source, args.stations, args.days)
    print(f"file: {hours:,} station-hours, {os.path.getsize(source) / 1e6:.0f} MB ({args.stations} stations x "
          f"{args.days} days)")

    def lantian_compute():
        with open(os.path.join(work, "lantian.csv"), "wb") as out:
            subprocess.run([args.lantian, "aq", "compute", source, "--format", "csv"], stdout=out,
                           stderr=subprocess.DEVNULL, check=True)

    def lantian_import():
        data = tempfile.mkdtemp(dir=work)
        env = dict(os.environ, LANTIAN_DATA_DIR=data, LANTIAN_SEED="0")
        env.pop("DATABASE_URL", None)
        subprocess.run([args.lantian, "aq", "import", source, "--register", "provincial"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

    def pandas_import_fresh():
        pandas_import(source, os.path.join(tempfile.mkdtemp(dir=work), "pandas.sqlite"))

    results = []
    for name, ours, theirs in [
        ("aq compute", lantian_compute, lambda: pandas_compute(source, os.path.join(work, "pandas.csv"))),
        ("aq import (SQLite)", lantian_import, pandas_import_fresh),
    ]:
        a = min(timed(ours) for _ in range(args.runs))
        b = min(timed(theirs) for _ in range(args.runs))
        results.append((name, hours / a, hours / b))
        print(f"{name:20s} Lantian {a:6.2f} s {hours / a:10,.0f}/s   pandas {b:6.2f} s {hours / b:10,.0f}/s   "
              f"ratio {b / a:4.2f}x")
    subprocess.run(["rm", "-rf", work])
    return 0


if __name__ == "__main__":
    sys.exit(main())
