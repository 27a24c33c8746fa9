#!/usr/bin/env python3
"""Writes one valid detailed digest of about SIZE_MB megabytes, for measuring a load's peak memory on a
single large file (README, "Guarantees"):

    python3 bench/large-digest.py /tmp/d1g.md 1024
    /usr/bin/time -v dotnet src/Etl.Cli/bin/Release/net10.0/etl.dll ingest /tmp/d1g.md --timings --report-memory

Every entry is a distinct paper (ids unique up to about 1.2 million entries, about 1.3 GB), with two authors
drawn from small pools, one shared author and one new author per paper, so the touched papers and the
author spellings both grow with the file.
"""
import sys

path, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
summary = ('We study a problem of large scale learning with many examples and report results on benchmarks. ' * 8).strip()
with open(path, 'w', encoding='utf-8', newline='\n') as out:
    out.write('# Arxiv Papers in cs.CV on 2020-09-30\n\n')
    n = written = 0
    while written < size:
        n += 1
        yymm = 2001 + (n // 99999) % 12
        entry = (f'### Paper {n}: a study of things number {n}\n'
                 f'- **Arxiv ID**: http://arxiv.org/abs/{yymm}.{n % 99999 + 1:05d}v1\n'
                 f'- **DOI**: None\n- **Categories**: cs.CV, cs.LG\n'
                 f'- **Published**: 2020-09-30 14:58:03+00:00\n- **Updated**: 2020-09-30 14:58:03+00:00\n'
                 f'- **Authors**: Ada Lovelace {n % 5000}, Alan Turing {n % 7919}, Grace Hopper, Researcher Number {n}\n'
                 f'- **Comment**: None\n- **Journal**: None\n'
                 f'- **Summary**: {summary} {n}\n\n')
        out.write(entry)
        written += len(entry)
print(f'{path}: {n} entries')
