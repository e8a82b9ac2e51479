#!/usr/bin/env python3
"""Condenses MariaDB's ANALYZE FORMAT=JSON output (stdin) to one line for bench/ledger.sh:
   "<ms> ms | <table>:<access>/<key> est=<rows> read=<r_loops x r_rows> … [filesort] [temporary]".
   est is the optimizer's estimate per loop; read is what the execution actually examined, all loops together."""
import json
import sys

text = sys.stdin.read().strip()
try:
    plan = json.loads(text)
except ValueError:
    print("unparsable plan: " + text[:200].replace("\n", " "))
    sys.exit(0)

tables, flags = [], []


def walk(node):
    if isinstance(node, dict):
        table = node.get("table")
        if isinstance(table, dict) and "table_name" in table:
            loops = table.get("r_loops", 1) or 0
            read = round(loops * (table.get("r_rows") or 0))
            tables.append(f'{table["table_name"]}:{table.get("access_type", "?")}/{table.get("key", "-")}'
                          f' est={table.get("rows", "?")} read={read}')
        for key in ("filesort", "temporary_table", "read_sorted_file"):
            if key in node and key not in flags:
                flags.append(key)
        for value in node.values():
            walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)


walk(plan)
total = plan.get("query_block", {}).get("r_total_time_ms")
total = f"{total:.2f} ms" if isinstance(total, (int, float)) else "? ms"
print(total + " | " + "; ".join(tables) + ("" if not flags else " [" + ", ".join(flags) + "]"))
