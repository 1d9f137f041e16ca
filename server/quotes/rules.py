"""Every numeric limit of the quotation analysis, in one table, each with its reason.

Token counts are spaCy tokens; paragraph counts are "ranks" (paragraphs of text, not blank lines,
captions or list items). Every limit that bounds a loop also keeps the analysis linear: no pass
looks at more than a fixed number of tokens, quotes or paragraphs around any one quotation.
"""

# --- quote marks (marks.py) -----------------------------------------------------------------
MAX_NESTING = 4  # quotes nested deeper than this are not followed (a quote inside a quote inside …)

# --- frames (frames.py) ----------------------------------------------------------------------
MAX_BEFORE = 35  # tokens between a reporting verb and the quote it introduces
MAX_AFTER = 12  # tokens between a quote and the reporting verb that follows it
MAX_AFTER_APPOSITION = 40  # the same after a quote ending in a comma, when the verb's subject
#                            comes first with a long apposition ("“…,” Maj. Jane Roe, an army
#                            press officer in Kabul, said")
INNER_QUOTE_TOKENS = 6  # a quote this short inside an attribution is a name, not the next quote
SENTENCE_BACK = 80  # tokens a sentence-before frame may reach back (a sentence is shorter)
SENTENCE_AHEAD = 60  # tokens an after-frame may reach forward
NEAR_FRAME = 20  # tokens outside a frame where the parse may still put the verb's subject
NEAREST_NOUN = 8  # tokens from the verb searched for a noun when the parse gives no subject
CLIMB_STEPS = 6  # dependency steps from a modifier to the head of its noun phrase
CHANT_GAP = 1  # words between a chant or cheer word and its quote ("chants of “", "cheer for “")
SUBJECT_CLIMB = 4  # clause levels a participle climbs to find its subject ("…, saying")
EXTEND_LEFT = 4  # words of determiners/adjectives skipped to find the noun a pp hangs from
SHORT_CAPITALS = 3  # a word in capitals longer than this is a dateline or a heading, not a speaker
NAME_WORDS = 4  # proper-name words of a name before a colon ("Jeffrey M. Jones:")
APPOSITION_WORDS = 40  # tokens after a speaker's head that an apposition may take
GOVERN_SCAN = 50  # tokens of a quote searched for the one that hangs from the sentence outside
GOVERN_STEPS = 12  # syntactic heads climbed from a quote to the clause whose subject said it

# --- speakers (speakers.py) ------------------------------------------------------------------
CLAUSE_CHARS = 160  # characters after a speaker phrase read for "who requested anonymity"
APPOSITION_CLIMB = 4  # syntactic steps from a name up to the noun it stands beside
ANONYMITY_WINDOW = 25  # tokens after an indefinite mention read for "not authorized to speak"
ANTECEDENT_TOKENS = 400  # tokens back to the indefinite mention of "the firefighter"
LONE_NAME_TOKENS = 300  # tokens back searched for a lone surname before "he said"
LONE_NAME_RANKS = 2  # paragraphs back that lone surname may be
SHARE_TOKENS = 3  # tokens past a phrase's head read for a poll share ("half of voters in Iowa")
AGENT_MIN_CHARS = 4  # a noun's lemma longer than this with an agent ending ("-er") may be a person
NAME_TITLES = 2  # abbreviated titles stepped over before a name beside a head ("the Rev. Dr. Jane Roe")
QUANTIFIER_OF_DEPTH = 2  # "some of the rest of them": levels of "of" read after a quantifier
LOOK_BACK = 60  # earlier quotations any one quotation compares itself with (keeps it linear)

# --- carry-over (carryover.py) ---------------------------------------------------------------
INHERIT_RANKS = 3  # paragraphs back that a quote opening with "…" or after "…:" may look
BLANK_PARAGRAPHS = 8  # blank lines, captions or list items stepped over to the paragraph before
REPEAT_MIN_CHARS = 12  # characters a repeat of an earlier quote needs to share its speaker
HEADLINE_MIN_WORDS = 3  # a headline quote found again later must have this many words
HEADLINE_CONTENT_MIN = 2  # content words a headline quote needs to be matched to a lede
CONTENT_WORD_CHARS = 3  # a content word is longer than this
LEDE_RANKS = 3  # paragraphs (headline, standfirst, lede) where delayed identification happens
HEADING_WORDS = 25  # a heading in title case is at most this many words
HEADING_CAPITALS = 0.8  # … with at least this share of its longer words capitalised
INTERVIEW_QUESTIONS = 2  # questions that make a question-and-answer exchange
INTERVIEW_PARAGRAPHS = 40  # paragraphs back an interview answer looks for its exchange's first question

# --- speech or title (speech.py) -------------------------------------------------------------
TITLE_CUE_WORDS = 3  # content words before a quote searched for "so-called", "the book"
TITLE_CUE_TOKENS = 12  # tokens (punctuation included) that search may step over
SHORT_NAME_WORDS = 2  # a quote this short, all capitalised, is a name ("Blue House")
FAR_CUE_TOKENS = 10  # a short quote this far from its cue is a mention, not speech
PHRASE_WORDS = 3  # an unattributed quote this short is a phrase, not a statement
SINGLE_PHRASE_WORDS = 6  # the same for ‘single-mark’ quotes, more often scare quotes
INLINE_PHRASE_WORDS = 8  # a quote inside a sentence, not ending a clause, this short: a phrase
LABEL_WORDS = 2  # a characterised quote this short ("a “giveaway”") is a label

# --- the report (report.py) ----------------------------------------------------------------
NEAR_SENTENCES = 1  # sentences before a quote with no speaker where a person named or a he/she
#                     leaves it unflagged: someone near may have said it (report.someone_near)

# --- the speaker ranker (ranker.py) ----------------------------------------------------------
RANKER_MARGIN = 0.3  # how much more than the rules' speaker another candidate must score to win
RANKER_PARAGRAPHS = 1  # paragraphs back the previous quotation's speaker stays a candidate
RANKER_STEPS = 8  # syntactic heads climbed from a quote (or a cue) for the verbs it hangs from
