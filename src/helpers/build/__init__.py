"""The build wing: the ``dti`` command, the stage runner, the report workers and the site.

Modules: `cli`, `stages` (notebooks 10, 11, 20), `pipeline` (the reports), `workers` (warm
kernels), `cache` (content-hash keys), `manifest`, `publish` (the index and pages), `methods`,
`exporter` (nbconvert exporters), `quiet` (kernel noise).
"""
