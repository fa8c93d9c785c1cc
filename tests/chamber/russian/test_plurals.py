import pytest

from chamber.russian.plurals import count_with_noun, plural_form

FORMS = ("статья", "статьи", "статей")


@pytest.mark.parametrize(
    ("count", "word"),
    [
        (1, "статья"),
        (2, "статьи"),
        (4, "статьи"),
        (5, "статей"),
        (11, "статей"),
        (12, "статей"),
        (21, "статья"),
        (22, "статьи"),
        (25, "статей"),
        (0, "статей"),
        (101, "статья"),
        (111, "статей"),
    ],
)
def test_plural_form_follows_russian_rules(count, word):
    assert plural_form(count, *FORMS) == word


def test_count_is_bound_to_noun_with_non_breaking_space():
    assert count_with_noun(5, *FORMS) == "5\u00a0статей"
