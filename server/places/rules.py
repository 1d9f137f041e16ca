"""Every threshold and weight of the place analysis, in one table, each with what it is for.

EVIDENCE.md beside this file says which evidence each severity needs; the names below are the
numbers it refers to.
"""

from __future__ import annotations

# -- a word nobody knows ---------------------------------------------------------------------------

# A word or name with at least this Zipf frequency in wordfreq's English list ("Carter" 4.4,
# "Nollywood" 2.5, "Anfield" 3.1) is a known word and never a misspelled place. The list stops at
# 1.0; invented and misspelled names are absent (0).
KNOWN_WORD_ZIPF = 1.0
# A name this frequent that the model labels a group, firm or person ("Hamas", "Nokia") is that,
# not the town of the same name somewhere else.
COMMON_NAME_ZIPF = 3.0
# A candidate found from the string alone (no entity label, no locative cue) must be at least
# this long: shorter capitalised words are a letter or two from thousands of places.
MIN_STRING_CANDIDATE_LEN = 5
# ... or this long when capitalised words joined to it make a name of several words, looked up
# whole ("Gadn Ledge" for Grand Ledge).
MIN_STRING_WORD_IN_NAME_LEN = 3
# A candidate checked for a misspelling at all must be at least this long (letters).
MIN_MISSPELLING_LEN = 5
# ... and one edit only down to this many letters ("Tmpa" for Tampa).
MIN_ONE_EDIT_MISSPELLING_LEN = 4
# Two edits in a shorter name than this ("Newrok" for Newark) are close only when the place lies
# close by (not just in a division the article names).
MIN_LEN_TWO_EDITS = 7
# A word right after a capitalised abbreviation of at most this many letters and its period
# ("Sault Ste. Marie", "Mt. Vernon") ends a longer name: no candidate of its own.
MAX_ABBREVIATION_LEN = 3
# Longest capitalised run (tokens) read as one place name.
MAX_RUN = 4
# Most words a checked name may have ("Rio de Janeiro" has three).
MAX_NAME_WORDS = 3

# -- how notable a near miss is ----------------------------------------------------------------

# A near miss is notable enough to back a warning by its size alone from these populations, by
# (edit distance, shortest name it applies to): the longer the name, the rarer a chance near
# miss, so one letter off a town of 10,000 counts in a name of eight letters, one off a town of
# 30,000 in a name of five; two letters off a city of 100,000 in a name of nine ("Cloulmbia" for
# Columbia), of 250,000 in a name of seven, of 1,000,000 in a name of five ("Newrok" for Newark).
NOTABLE_POP = {(1, 8): 10_000, (1, 5): 30_000, (2, 9): 100_000, (2, 7): 250_000, (2, 5): 1_000_000}
# In a role where a name may be a thing named after a place ("Lodnon's airport", "the Torenia
# operation") size backs only one letter from a city of this size.
WEAK_ROLE_NOTABLE_POP = {1: 100_000, 2: 1_000_000}
# An alternate (not main) name of a place counts as notable only from this many times the
# population: alternate names hold odd spellings of every language.
ALTERNATE_NAME_POP_FACTOR = 10
# ... and backs nothing (neither closeness nor size) farther than this many edits from the word:
# two letters from some alternate name of a close or big town is as common for the real names
# GeoNames lacks as for misspellings (dev, near misses of an honest word vs a typo put in "in X":
# 4% vs 6%), where one letter from a main name is 1% vs 38%.
ALTERNATE_NAME_MAX_EDITS = 1
# Farther than this from every town the article names (or outside the divisions it names in that
# country), a near miss must be this many times as big to be notable ("Lanexa" in a Virginia
# story is not Lenexa, Kansas, a town of 50,000).
FAR_FROM_WORLD_KM = 500
FAR_FROM_WORLD_POP_FACTOR = 4
# An article that names no division, no country and at most one town gives nothing to weigh a
# near miss against: a town this fraction of NOTABLE_POP's size backs a warning there ("A
# Ginefville man was arrested", Gainesville, 145,000). It was 0.3 (one letter off 3,000 in names
# of 8+ letters): in the villages estimate a local story about one real village GeoNames lacks
# then got a warning from any town of a few thousand a letter off anywhere on earth ("Eyota" by
# Egota, Tokyo); at the full size, dev half A (seeds 8/7/11) lost 3 of 573 misspellings caught,
# and 8 of 332 villages and 3 of 240 stress names lost their false warning.
EMPTY_WORLD_POP_FACTOR = 1.0
# ... and there only a place's main name is notable: an alternate name (spellings of every
# language) has nothing to be weighed against. On dev no misspelling caught rested on one; the
# stress names did ("Mbomo", "Paradata", "Reneus": Boma, Parramatta, Rennes by another name).
EMPTY_WORLD_MAIN_NAME_ONLY = True
# In none of the article's countries (it names some), a near miss one letter off must be this
# many times as big to be notable, and one two letters off is never notable.
ABROAD_POP_FACTOR = 4
# Size backs a near miss only if it is not on another continent from everything the article
# names: farther than this from all of the article's places (and in none of its countries).
WORLD_KM = 3_000

# A word holding at least this many letter trigrams that no place's main name in GeoNames holds
# ("Berlni": "rln"; word edges count: "Rfchmodn" ends in "dn", as no name does) is spelt as no
# place is: in a place role, with a near miss of the article's world, that backs a warning.
ODD_LETTERS_MIN = 1
# ... and so is one holding a trigram that at most this many places' main names hold: typists
# make rare letter runs as well as unseen ones. On dev half A (seeds 8/7/11), 42% of the
# injected misspellings hold one (29% one no name holds), the real villages of the villages
# estimate 2.1% (1.2%), each village's own name left out of the count. At 5 (49% / 3.6%) dev
# half B caught 5 misspellings more but raised its first false alarm on an annotated name.
RARE_LETTERS_MAX = 2

# A misspelling is a warning only on this many independent signals (verdicts._signals: the near
# miss in the article's world, a notable near miss, a typist's slip, a firm place role). On dev,
# real unknown words put in "in X" got a warning from one signal 7.8% of the time (typos put
# there: 88%), from two 0.6% (typos: 58%).
MISSPELLING_SIGNALS = 2
# A misspelling kept at info on fewer signals is a warning when the learned second look
# (severity.py) gives it this probability or more. The number is learned with its weights, so it
# lives with them in data/places/misspelling_severity.json ("threshold"), chosen by
# eval/train_place_severity.py on dev half A for at most 0.15% of honest info decisions raised.

# Size and a firm place role alone back no warning for a word shorter than this that is a near
# miss's name one letter off at its first letter ("Terie" beside Erie): short names rhyme with
# towns' names by chance, as the long ones (the 8+ letters of NOTABLE_POP's rarer near misses)
# seldom do ("Kgainesville" is a typo of Gainesville). On dev half A seed 11, without the length,
# "Kgainesville Police Department" was lost.
RHYME_MAX_LEN = 8

# -- how close a near miss is to the article's world -------------------------------------------

# A near miss this close to one of the article's other towns, or in a division the article
# names, is backed by context ("Alexnadria" beside Pineville and Rapides Parish).
CLOSE_KM = 60
# ... but two letters from a place backs it only if that place is this big (near any city lie
# hundreds of villages a letter or two from any name), and in a named division (not near the
# article's towns) only from DIVISION_TWO_EDITS_MIN_POP.
CLOSE_TWO_EDITS_MIN_POP = 1_000
DIVISION_TWO_EDITS_MIN_POP = 10_000
# ... and one letter from a village this small backs it only if it lies this close.
VILLAGE_POP = 2_000
VILLAGE_KM = 25
# In the article's own country a near miss of one letter is backed from this population.
SAME_COUNTRY_POP = 20_000
# ... and one letter from the main name of a city this big of the article's own country is in
# its world wherever it lies there (a national city: "Chicygo" in a story of Ohio towns). On dev,
# misspellings caught +5/+2 (seeds 8/11), honest and stress alarms unchanged.
NATIONAL_CITY_POP = 300_000
# A near miss that is close (above) and the main name of a town this big of the article's own
# country is notable too, whatever its edits: few towns that big lie within CLOSE_KM of any town
# ("Lmanfield" beside Richland County: Mansfield, 47,000, two letters off).
LOCAL_NOTABLE_POP = 25_000
# Two letters from the main name of a city this big of the article's country, within
# FAR_FROM_WORLD_KM of its towns (and inside the divisions it names there), is in its world as
# one letter from a town of SAME_COUNTRY_POP is. On dev (what-if over recorded evidence),
# misspellings caught +3/+4 (seeds 8/11) beyond the rules above; 50,000 added an honest alarm.
SAME_COUNTRY_TWO_EDITS_POP = 100_000

# Another romanisation of a town's main name (evidence.variant_ids) is that town, unless the
# main name of a place this many times as big is as few edits from the word: then it is a typo of
# the bigger name ("Alany": Albany, 77,000, as near as Ālanī, a village of Iran, 3,700).
VARIANT_BIGGER_FACTOR = 10

# -- ranking suggestions -----------------------------------------------------------------------

# Score of a suggestion = EDIT_WEIGHT * edits + log10(population) + context bonuses below.
EDIT_WEIGHT = -3.0
BONUS_NAMED_DIVISION = 2.0  # the suggestion lies in a division the article names
BONUS_COUNTRY = 1.5  # in a country the article names or its towns lie in
BONUS_NEAR = 2.0  # within RESOLVE_NEAR_KM of the article's other towns
BONUS_IN_CLAIM = 6.0  # inside the region the text claims for the name
BONUS_MAIN_NAME = 0.5  # the near miss is the place's main name, not an alternate one
RESOLVE_NEAR_KM = 300  # "near the article's other towns" when picking among namesakes
RESOLVE_IN_CLAIM = 10.0  # picking among namesakes: the one inside the claimed region wins
MAX_SUGGESTIONS = 5

# -- region claims -----------------------------------------------------------------------------

# A town this close to the claimed region is not called wrongly placed (borders, suburbs).
BORDER_KM = 25
# A wrong-region claim is a warning when the place is real and notable from this population
# (a smaller namesake may be a village GeoNames lacks inside the claimed region) ...
WRONG_REGION_MIN_POP = 5_000
# ... or, against a claimed division abroad, from this population ("Rochester, a city in New
# Brunswick") ...
WRONG_REGION_ABROAD_POP = 100_000
# ... or when the article's other places lie within this distance of the real place (or it
# names the real place's division): the article's own world puts the town elsewhere ...
ANCHOR_KM = 150
# ... or when the real place lies within this distance of the claimed region: a writer confusing
# neighbouring divisions (a namesake missing from GeoNames lies anywhere, mostly far off) ...
NEIGHBOUR_KM = 300
# ... but only for a town of this size: villages of one name are common in neighbouring
# divisions ("Harmony in New Jersey": Harmony, Rhode Island, 985 people, is not the only one) ...
NEIGHBOUR_MIN_POP = 5_000
# ... or when the article, apart from the claim, is about the place's country and names nothing
# in the claimed division's country, for a town of this size ("Lynchburg, a small Quebec town"
# in a story of US states and towns): a namesake village abroad is no part of its world ...
ABROAD_CLAIM_MIN_POP = 5_000
# ... or when a place of a similar name (this many edits) lies inside the claimed region ...
SIMILAR_IN_REGION_EDITS = 2
# ... but only one letter off for a name that is the own (main) name of towns in this many
# first-level divisions of the claimed country or more ("Weston": ten US states): an ordinary
# town name there, written as meant, whose namesake too small for GeoNames in one more division
# is likelier than a slip of two letters ("Weston, Connecticut" is no Wilton). A name of one or
# two towns keeps the two letters ("Sevsk" for Seversk).
GENERIC_NAME_DIVISIONS = 3
# In "X, Y" a bare division name Y that is also the name of a town this big is read as a list
# of towns ("in Kyiv, Kharkiv"), not as a claim.
TOWN_NAMED_REGION_POP = 10_000
# A place two letters from the name inside the claimed region backs a wrong region only if it is
# this big ("Sevsk" -> Seversk, 11,000): every division has some village two letters off.
SIMILAR_TWO_EDITS_MIN_POP = 5_000
# "X in Y" where Y names a division and also a city this big ("Washington", "New York"): a place
# within BORDER_KM of that city fits the claim ("Dupont Circle in Washington").
CITY_NAMED_REGION_POP = 100_000
# A claim placing a town in a division of a country that holds no place of its name at all is a
# warning, with nothing else in the article, for a town of this size under its own main name
# ("Lufkin, a city in Ontario": Lufkin, Texas, 36,000): a village of the name
# missing from GeoNames abroad is rarer than a writer's slip (region_claims.lone_abroad).
LONE_ABROAD_MIN_POP = 5_000
# Tokens after "The city" in which "(located) in Y" may follow for a claim referring back.
ANAPHORA_WINDOW = 14
# A claim referring back ("The city, located in Y") looks this many sentences back.
ANAPHORA_SENTENCES = 2

# -- far from context --------------------------------------------------------------------------

FAR_KM = 1_500  # far_from_context: farther than this from every other town of the article
FAR_MAX_POP = 100_000  # ... and smaller than this (a capital far off is often just news)

# -- resolving a name that is also a region ----------------------------------------------------

# Namesakes weighed when picking the place a name means: the biggest this many (and as many in
# the divisions the article names or the text claims).
PICK_AMONG = 12
# A name that is both a region and a town ("Donetsk") is the town when some town of that name
# is this big and the text adds no region word.
TOWN_OVER_REGION_POP = 50_000
# ... unless the division weighs more than this many times that town: the places GeoNames lists
# in it add up to more ("officials in Florida": the state's 16 million, not Floridablanca,
# Colombia, 268,000, which bears "Florida" as an alternate name; nor Ontario, California, nor
# Virginia, Free State). Of the divisions named like a town of 50,000 or more, those from 31
# times up are all the division a story means (Ontario 104, Florida 62, Virginia 47, Bihar 42,
# Brandenburg 37); below 25 lie the truly ambiguous (New Brunswick, New Jersey, 20; Canterbury,
# England, 18; Delta, British Columbia, 15) and the cities of their name (New York City 8.8
# million, Washington 690,000: 3.5 and 9.5 times).
DIVISION_OVER_TOWN_FACTOR = 30
# A country's name is a town of that name (its own main name) lying within this distance of a
# town the article names, when nothing else the article names lies in that country and it names
# no other country: "Cedar Haven
# Nursing Home in Lebanon" beside Hershey and Annville is Lebanon, Pennsylvania. On dev (LGL,
# GeoVirus, PolNeAR) the towns so meant lie 9 to 52 km from the article's others (Lebanon,
# Indiana; Jordan, Minnesota; Palestine, Texas); the nearest main-name namesake of a country an
# article means lies 129 km off (Egypt, Pennsylvania, in a story of the Middle East's towns).
COUNTRY_AS_TOWN_KM = 60
# ... of a town smaller than this: a big city's story may be about the country ("Obama spoke in
# Cincinnati about Lebanon": Lebanon, Ohio lies 45 km off). The dev towns beside which the
# country's name was the town have 2,900 to 26,000 people (Fairfield and Crockett, Texas, beside
# Palestine; Annville, Hershey, Robbinsdale, Zionsville).
COUNTRY_AS_TOWN_ANCHOR_MAX_POP = 100_000
# A word that is a demonym-like form of a place this big is a demonym ("Kenyan").
DEMONYM_PLACE_POP = 300_000
DEMONYM_CITY_POP = 1_000_000  # "Londoner": the -er form only for big cities
# A word nobody knows whose transliteration skeleton is this many edits at most from that of a
# first-level division's name of the article's countries (both DIVISION_SPELLING_MIN_LEN+
# letters), and nearer than any town, is that division in another romanisation ("Menoufia" for
# Monufia), not a misspelt town ("Olrado" is as near Orlando as Colorado: a misspelling).
DIVISION_SPELLING_EDITS = 1
DIVISION_SPELLING_MIN_LEN = 6
# An abbreviation (all capitals) of at most this many letters is no place name ("EU", "NATO").
ABBREVIATION_MAX_LEN = 5
# A firm's name after "shares in" is a hamlet of that name only from this population.
FIRM_TOWN_MIN_POP = 10_000

# -- bounded work on hostile texts -------------------------------------------------------------

# At most this many candidates are checked per text, the first ones in text order (a real
# article has a few hundred at most; a hostile one of 200,000 characters may have 15,000).
MAX_CANDIDATES = 2_500
# The article's context keeps at most this many distinct towns (the most mentioned first): a
# text naming thousands costs no more than one naming a few hundred.
MAX_CONTEXT_TOWNS = 300
# Fuzzy lookups (about 1 ms each) allowed per text: this many, plus one per FUZZY_TOKENS_EACH
# tokens, so that thousands of distinct unknown capitalised words stay linear and cheap.
FUZZY_BASE = 60
FUZZY_TOKENS_EACH = 200
