"""The fields every JSON output promises of a claim (report.json, ``extract --format json``), written out once:
a field renamed or dropped in the model fails the tests of each output."""

CLAIM_FIELDS = frozenset(
    {
        "id",
        "source",
        "start",
        "end",
        "text",
        "sentence",
        "kind",
        "subject",
        "measure",
        "location",
        "value",
        "unit",
        "as_of",
        "attribution",
    }
)
