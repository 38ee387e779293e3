"""Language from the text itself, the declared language as the fallback."""

from corpus_search.extract.html import extract_html
from corpus_search.extract.language import detect_language, primary_subtag

ENGLISH = "The ministry said the talks on the ceasefire would resume next week in Geneva, officials confirmed."
FRENCH = "Le ministère a déclaré que les négociations sur le cessez-le-feu reprendraient la semaine prochaine à Genève."
GERMAN = "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen mehrere Unternehmen beschlossen, hieß es."


def test_the_text_decides_over_a_template_declaration() -> None:
    assert detect_language(FRENCH, declared="en-US") == "fr"
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH, declared="fr") == "en"


def test_short_texts_keep_the_declared_language() -> None:
    assert detect_language("Photo: Reuters", declared="en-GB") == "en"
    assert detect_language("", declared=None) is None
    assert primary_subtag("pt_BR") == "pt" and primary_subtag("x") is None


def test_html_pages_get_the_language_of_their_text() -> None:
    html = (
        '<html lang="en"><head><title>Négociations</title></head><body><article>'
        f"<h1>Négociations</h1><p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    )
    assert extract_html(html).language == "fr"
