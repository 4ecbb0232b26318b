"""Measured figures and the machine they were measured on, written beside the code that measured them.

Shared by the benchmarks (`bench/`), the simulated year's command and the suite's trust figures,
so none of them imports another: it imports only the standard library.
"""
