"""Helpers of eval/eval_places.py, in the order the evaluation uses them: read the corpora
(corpora), know GeoNames and English words independently of the analyser (geonames), run the
analyser through its public JSON (analysis), inject misspelt towns (misspell, contexts) and
region claims (claims, claim_shapes.tsv), score (score), print (table), the project's own sets
(own_sets). README.md beside this file describes the method.
"""
