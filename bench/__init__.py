"""Benchmarks of Bàn biên tập: each figure beside a baseline measured in the same run.

``python -m bench [--quick] [--json PATH] [--only NAME ...]`` builds its own data and portal on
loopback in temporary folders and prints one table (see README.md and issue 8).
"""
