"""Pairing quote marks: every style, apostrophes, paragraphs and unbalanced marks.

Typography only: no spaCy here.
"""


from server.quotes.marks import find_quotes


def quoted(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_double_quotes():
    assert quoted("He said “we will win” and left.") == ["“we will win”"]


def test_straight_double_quotes():
    assert quoted('"Not now," she said. "Maybe later."') == ['"Not now,"', '"Maybe later."']


def test_single_curly_quotes_are_not_confused_with_apostrophes():
    text = "Kyiv’s mood in the ’90s was rock ’n’ roll. ‘We will rebuild,’ the mayor’s aide said."
    assert quoted(text) == ["‘We will rebuild,’"]


def test_straight_single_quotes_and_plural_possessives():
    text = "The farmers' union said 'enough is enough' on Monday."
    assert quoted(text) == ["'enough is enough'"]


def test_single_quote_after_a_plural_possessive_inside_the_quote():
    text = "‘The farmers’ anger is real,’ he said."
    assert quoted(text) == ["‘The farmers’ anger is real,’"]


def test_guillemets():
    assert quoted("Elle a dit «nous resterons» hier, puis ‹non›.") == ["«nous resterons»", "‹non›"]


def test_newspaper_double_apostrophes():
    text = "''It's been chaos since the '90s,'' said Tom Briggs. ``Old style,'' he added."
    assert quoted(text) == ["''It's been chaos since the '90s,''", "``Old style,''"]


def test_low_opening_mark():
    assert quoted("Sie sagte „wir bleiben“ gestern.") == ["„wir bleiben“"]


def test_single_quotes_inside_double_quotes_are_part_of_the_outer_quote():
    text = "“When he said ‘run,’ I ran,” she said."
    assert quoted(text) == ["“When he said ‘run,’ I ran,”"]


def test_quote_closed_on_the_next_line_continues_over_the_line_break():
    text = "“Its fall removes a key obstacle.\nThis is a turning point.” The report said so."
    assert quoted(text) == ["“Its fall removes a key obstacle.\nThis is a turning point.”"]


def test_newspaper_convention_quote_reopened_in_the_next_paragraph():
    text = "“We lost everything.\n\n“Nobody called us.” Then silence."
    found = find_quotes(text)
    assert [text[q.start : q.end] for q in found] == ["“We lost everything.", "“Nobody called us.”"]
    assert found[0].open_end and not found[1].open_end


def test_single_mark_quote_over_paragraphs_in_the_uk_newspaper_convention():
    text = "He told the Mail: 'When I played, you'd never dream of it.\n'If trust goes, it's over.'"
    found = find_quotes(text)
    assert [text[q.start : q.end] for q in found] == [
        "'When I played, you'd never dream of it.",
        "'If trust goes, it's over.'",
    ]
    assert found[0].open_end and not found[0].double


def test_unclosed_single_mark_without_a_reopening_paragraph_is_no_quote():
    text = "He said: 'never closed here.\nA plain paragraph with Kyiv's name."
    assert quoted(text) == []


def test_unclosed_quote_ends_with_its_paragraph_and_the_rest_survives():
    text = "“This never closes.\nA plain paragraph.\n“This one does,” she said."
    assert quoted(text) == ["“This never closes.", "“This one does,”"]


def test_reopened_mark_ends_an_unclosed_quote():
    assert quoted("“Hello there. “Again,” he said.") == ["“Hello there.", "“Again,”"]


def test_stray_closing_mark_is_ignored():
    assert quoted("A stray ” mark, then “a real quote” here.") == ["“a real quote”"]


def test_inch_marks_are_not_quotes():
    assert quoted('He is 6\'2" tall and was "quoted" once.') == ['"quoted"']


def test_odd_number_of_straight_marks_keeps_later_paragraphs():
    text = 'One " stray mark here.\n"Second paragraph quote," he said.'
    assert '"Second paragraph quote,"' in quoted(text)


def test_empty_and_markless_text():
    assert quoted("") == []
    assert quoted("No quotes at all.") == []
    assert quoted("\n\n\n") == []


def test_only_quote_marks():
    for text in ['"', "“", "”", "''", "'", '""""', "“”“”", "«»»«", "‘’’‘"]:
        find_quotes(text)  # never raises


def test_odd_unicode_around_quotes():
    text = "🙂 “Ça va? 👍🏽 مرحبا e\u0301\u200d,” said Zoë. \ufeff\u0000 “End”"
    assert quoted(text) == ["“Ça va? 👍🏽 مرحبا e\u0301\u200d,”", "“End”"]


def test_quotes_never_overlap_and_stay_in_order():
    text = "“a ‘b” c’ \"d “e\" f” «g “h» i”\n" * 50
    found = find_quotes(text)
    for first, second in zip(found, found[1:]):
        assert first.end <= second.start


def test_long_input_with_mark_storms_keeps_every_quotation():
    # (its cost is measured beside prose by the hostile-input benchmark, not asserted here)
    unit = "“Quoted words here,” said Someone. The farmers’ union ’90s 'x "
    prose = (unit * 4000)[:200_000]
    before = find_quotes(prose)
    found = find_quotes(prose + '"' * 10_000 + "‘" * 10_000)
    assert len(before) > 3000 and found[: len(before) - 1] == before[:-1]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_a_straight_closing_mark_typed_after_a_space_closes_when_nothing_would_close_it():
    text = ('The note read "This is a robbery. Give me your twenties. "An officer stopped the car '
            'later. The officer traced the plates.')
    assert quoted(text) == ['"This is a robbery. Give me your twenties. "']


def test_a_straight_mark_after_a_space_still_opens_a_quote_that_closes():
    text = 'He said "We will win. "Nobody doubts it," Roe said.'
    assert quoted(text)[-1] == '"Nobody doubts it,"'


def test_an_unclosed_quote_ends_at_a_single_mark_typed_before_its_attribution():
    from server.quotes.frames import cut_unclosed

    text = ('"A brand, in a nutshell, is perception,\' said Scott Winey, creative director. '
            'Councilman Karl Reeder said a lot of work had been done.')
    (q,) = find_quotes(text)
    q = cut_unclosed(text, q)
    assert text[q.start : q.end] == '"A brand, in a nutshell, is perception,\''


def test_a_straight_mark_doubling_a_curly_one_is_one_mark():
    # pasted text: `"“` opens one quote, `”"` closes one; neither runs on over the writer's words
    text = ('The mayor spoke. "“We will rebuild,” said Jane Roe. She left. '
            '“It will take months.”" Roe said. “Soon,” she said.')
    assert quoted(text) == ["“We will rebuild,”", "“It will take months.”", "“Soon,”"]
    assert quoted('She said "no" and “yes.”') == ['"no"', "“yes.”"]
