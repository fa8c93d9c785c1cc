from chamber.blank import blank_publication
from chamber.cities import load_cities
from chamber.plan.model import load_plans
from chamber.sections import COMMON_FIELDS, DOCUMENT_KINDS, SECTIONS
from sitebuild import ROOT
from web_editor.config import MONTH_PATTERN, Backend, cms_config

CITIES = load_cities()
PLANS = load_plans(ROOT / "content" / "plans")[0]


def config(**options):
    return cms_config(CITIES, PLANS, Backend(repo="palata/site"), **options)


def collections():
    return {c["name"]: c for c in config()["collections"]}


def test_every_field_of_every_section_is_in_the_editor():
    found = collections()
    assert list(found) == list(SECTIONS)
    for key, section in SECTIONS.items():
        fields = {f["name"]: f for f in found[key]["fields"]}
        assert set(fields) == COMMON_FIELDS | section.fields | {"body"}, key
        for name, field in fields.items():
            assert field["required"] is (name in section.required), (key, name)
            assert field["label"], (key, name)
        assert found[key]["folder"] == f"content/{key}"
        assert found[key]["format"] == f"pelican-{key}"


def test_the_fields_of_invoke_new_come_in_its_order():
    for key in ("articles", "digests", "meetings", "documents"):
        _, text = blank_publication(
            key, __import__("datetime").date(2021, 7, 1), "Т", "2021-07"
        )
        blank = [
            line.split(":")[0].lower() for line in text.split("\n\n")[0].splitlines()
        ]
        names = [f["name"] for f in collections()[key]["fields"]]
        assert [n for n in names if n in blank] == blank, key


def test_widgets_mirror_the_rules():
    articles = {f["name"]: f for f in collections()["articles"]["fields"]}
    assert articles["city"]["widget"] == "select"
    assert articles["city"]["options"] == list(CITIES)
    assert len(CITIES) == 82 and "Казань" in articles["city"]["options"]
    plan = articles["plan"]
    assert plan["multiple"] is True
    # Only the items an article can report on, with their titles.
    expected = [i for i in PLANS[2021].items if "articles" in i.evidence]
    assert [o["value"] for o in plan["options"]] == [
        f"2021-{i.number}" for i in expected
    ]
    assert (
        plan["options"][0]["label"] == f"2021-{expected[0].number}. {expected[0].title}"
    )
    assert articles["date"]["widget"] == "datetime"
    assert articles["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert articles["body"]["widget"] == "markdown"

    digests = {f["name"]: f for f in collections()["digests"]["fields"]}
    assert digests["month"]["pattern"][0] == MONTH_PATTERN
    meetings = {f["name"]: f for f in collections()["meetings"]["fields"]}
    assert meetings["video"]["widget"] == "list"
    assert [o["value"] for o in meetings["format"]["options"]] == [
        "ВКС",
        "очное",
        "смешанное",
    ]
    documents = {f["name"]: f for f in collections()["documents"]["fields"]}
    assert documents["kind"]["options"] == list(DOCUMENT_KINDS)
    assert documents["attachments"]["widget"] == "list"


def test_russian_editorial_workflow_on_gitlab_with_pkce():
    published = config()
    assert published["locale"] == "ru"
    assert published["publish_mode"] == "editorial_workflow"
    assert published["backend"] == {
        "name": "gitlab",
        "repo": "palata/site",
        "branch": "main",
        "auth_type": "pkce",
    }
    local = config(local=True)
    assert local["local_backend"] is True
    assert "publish_mode" not in local  # decap-server edits the working copy
