"""The pandas kernels: the functions that *are* the implementation of the row operations.

A kernel is a plain function of pandas/numpy values. ``apply()`` calls it, ``to_code()`` returns
statements calling it by name, and the exporter (:mod:`brewdesk.recipes.export.source`) copies
the kernel's own source into the exported script, with the kernels it calls, each once (see
docs/architecture.md, code export). So preview, engine and exported script run the same code.

What a kernel may use, so that its source works verbatim in a standalone script:

- ``pd``, ``np``, ``re`` (the exported script's header imports them) and the standard library
  modules its module imports at the top (the exporter writes their ``import`` lines);
- other kernels of this package (imported by name from their module);
- optional heavy dependencies (pyarrow, phonenumbers, nltk, cryptography, platformdirs)
  imported inside the function, with a comment saying why, so a script that does not call it
  does not need them. Nothing else is imported inside a function.

No module-level constants, classes or other helpers: nothing else is copied. Kernel names are
unique across the package and keep a prefix by family (``_bd_`` shared, ``_bt_`` text, ``_bc_``
catalogue functions, ``_bf_`` functions, ``_bi_`` secondary inputs (join, union), ``_bm_`` value
mappings, ``_bn_`` nested, ``_br_`` row aggregates, ``_ba_`` advanced types, ``_bp_`` PII,
``_bx_`` expressions, ``_ri_`` invalid values), so they collide with nothing a script defines.
``tests/recipes/test_kernels.py`` checks these rules.

Modules, by purpose: :mod:`.types` (conversions, missing values, statistics in a column's type),
:mod:`.numbers`, :mod:`.text`, :mod:`.dates`, :mod:`.random`, :mod:`.web`, :mod:`.flags`,
:mod:`.mapping`, :mod:`.columns`, :mod:`.nested`, :mod:`.row_aggregates`,
:mod:`.advanced_types`, :mod:`.crypto`, :mod:`.masking`, :mod:`.expressions`,
:mod:`.datasets` (JOIN and UNION; the Dask runtime's broadcast join uses them too).

An operation whose result is one kernel call declares it (``kernel = staticmethod(...)`` and
``arguments()``, :class:`brewdesk.recipes.ops._plumbing.KernelCall`); its base class makes that
call in ``apply()`` and writes it in ``to_code()``.
"""
