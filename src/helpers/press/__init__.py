"""Facts from press articles about the DTI, in the schema of ``../shared/press/LABELING.md``.

Five fact types (dti_rank, pillar_rank, rank_change, target_attainment, indicator), each with
its entity, year, pillar, value, target, unit and denominator, a ``tag`` column for finer
distinctions (target_only, idiom, respectively, sequence, bound, approx, range, non_dti_rank,
year_ctx, dup, ambiguous), and its provenance (character span, sentence, how the year and the
subject were resolved). Modules, one per seam:

- ``text``: cleaning, lines with roles, sentences; ``numbers``: numbers per language;
- ``gazetteer``: entities; ``grammar``: typed years and the constructions;
- the mechanisms: ``discourse`` (subject stack: fronted topics, anaphora, sequences),
  ``frames`` (target frames), ``coordination`` (N ↔ N, 1 → N, spans), ``topics`` (the
  ranking a figure belongs to);
- ``facts``: the records and the subject/year precedence;
- ``extract`` with ``goals``, ``lists`` and ``indicators``: reading one article;
- ``english``: English aggregates, scopes of a position, gapped positions and year types;
- ``folder``: a folder with its manifest; ``evaluate``: the shared scorer; ``ablate``: the
  true positives each mechanism resolves; ``review``: labelled facts found, described for
  ``dti press accept``; ``cli``: ``python -m helpers.press extract|evaluate|ablate|review DIR``,
  ``explain FILE`` (also ``dti press``).
"""

from .evaluate import SCORER, evaluate, table
from .extract import extract
from .facts import COLUMNS, FACT_TYPES, Article, Fact
from .folder import extract_folder, facts_frame, load_articles, read_manifest
from .text import ArticleError, clean_text, sentences

__all__ = ["COLUMNS", "FACT_TYPES", "SCORER", "Article", "ArticleError", "Fact", "clean_text",
           "evaluate", "extract", "extract_folder", "facts_frame", "load_articles",
           "read_manifest", "sentences", "table"]
