"""The ``accommodations`` subcommand: browse and search the catalogue, or list suggestions for a case."""

from __future__ import annotations

import argparse
import json
import textwrap

from planwriter.cli import EXIT_OK, EXTRA_COMMANDS, UserError, _load_case, _out


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--need", metavar="NEED", help="only items for this need (e.g. reading, attention)")
    parser.add_argument("--category", metavar="CATEGORY", help="only this category (e.g. presentation)")
    parser.add_argument("--setting", metavar="SETTING",
                        help="only items for classroom, tests, homework or state_assessment")
    parser.add_argument("--search", metavar="TEXT",
                        help="find items by words, best match first (whole words and word starts; "
                             "synonyms such as restroom/bathroom and EpiPen/epinephrine count)")
    parser.add_argument("--suggest", metavar="CASE",
                        help="list the accommodations suggested for a saved case (.pwcase), best first, "
                             "each with the reason")
    parser.add_argument("--limit", metavar="N", type=int, default=30,
                        help="with --suggest: how many suggestions to list (default 30; 0 for all)")
    parser.add_argument("--modifications", action="store_true",
                        help="list the modifications (changes to what is taught or tested) instead")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a list")


def _parsed(parse, value: str | None, what: str):
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as error:
        raise UserError(f"unknown {what}: {error}") from None


def cmd_accommodations(args: argparse.Namespace) -> int:
    from planwriter.core.accommodations import catalogue

    cat = catalogue()
    need = _parsed(cat.parse_need, args.need, "need")
    category = _parsed(cat.parse_category, args.category, "category")
    setting = _parsed(cat.parse_setting, args.setting, "setting")
    if args.modifications:
        return _modifications(cat, args)
    if args.suggest:
        return _suggestions(cat, args, need=need, category=category, setting=setting)
    items = cat.search(args.search or "", category=category, need=need, setting=setting)
    if args.json:
        data = [
            {
                "id": item.id,
                "text": item.text,
                "category": item.category.value,
                "category_label": cat.category_labels[item.category],
                "needs": [n.value for n in item.needs],
                "settings": [s.value for s in item.settings],
                "plans": item.plans.value,
                "construct_warning": item.construct_warning,
                "explanation": item.explanation,
            }
            for item in items
        ]
        _out(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not items:
        _out("No accommodations match. Try fewer filters or other words.")
        return EXIT_OK
    if args.search:
        # Ranked best first: one list, each item with its kind, instead of category headings.
        for rank, item in enumerate(items, start=1):
            mark = "  [can change what a test measures]" if item.construct_warning else ""
            kind = cat.category_labels[item.category]
            _out("\n".join(textwrap.wrap(f"{item.text} ({kind}){mark}", width=88,
                                         initial_indent=f"{rank:>3}. {item.id:<5} ", subsequent_indent=" " * 11)))
        _out()
        _out(f"{len(items)} accommodation{'s' if len(items) != 1 else ''}, best match first.")
        return EXIT_OK
    current = None
    for item in items:
        if item.category != current:
            if current is not None:
                _out()
            current = item.category
            _out(f"{cat.category_labels[item.category]} ({cat.category_descriptions[item.category]}):")
        mark = "  [can change what a test measures]" if item.construct_warning else ""
        lines = textwrap.wrap(f"{item.text}{mark}", width=88, initial_indent=f"  {item.id:<5} ",
                              subsequent_indent=" " * 8)
        _out("\n".join(lines))
    _out()
    _out(f"{len(items)} accommodation{'s' if len(items) != 1 else ''}. "
         "Use --json for needs and settings; --modifications for the other kind.")
    return EXIT_OK


def _suggestions(cat, args: argparse.Namespace, *, need, category, setting) -> int:
    """Suggestions for a case, best first; filters narrow them like the catalogue listing."""
    if args.limit < 0:
        raise UserError("--limit must be 0 or more")
    case = _load_case(args.suggest)
    suggestions = [
        s for s in cat.suggest(case, limit=None)
        if (not need or need in s.accommodation.needs)
        and (not category or s.accommodation.category == category)
        and (not setting or setting in s.accommodation.settings)
        and (not args.search or s.accommodation.id in {a.id for a in cat.search(args.search)})
    ]
    if args.limit:
        suggestions = suggestions[: args.limit]
    if args.json:
        _out(json.dumps([
            {
                "rank": rank,
                "id": s.accommodation.id,
                "text": s.accommodation.text,
                "category": s.accommodation.category.value,
                "category_label": cat.category_labels[s.accommodation.category],
                "reason": s.why,
                "draft_why_text": s.reason,
                "needs": [n.value for n in s.needs],
                "score": s.score,
                "construct_warning": s.accommodation.construct_warning,
            }
            for rank, s in enumerate(suggestions, start=1)
        ], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not suggestions:
        _out("No suggestions: the case has no concerns, present levels, diagnoses or categories that point "
             "to a need, or every suggested item is already on the child's list.")
        return EXIT_OK
    for rank, s in enumerate(suggestions, start=1):
        item = s.accommodation
        mark = "  [can change what a test measures]" if item.construct_warning else ""
        _out("\n".join(textwrap.wrap(f"{item.text}{mark}", width=88, initial_indent=f"{rank:>3}. {item.id:<5} ",
                                     subsequent_indent=" " * 11)))
        _out("\n".join(textwrap.wrap(f"Why: {s.why}", width=88, initial_indent=" " * 11,
                                     subsequent_indent=" " * 16)))
    _out()
    _out(f"{len(suggestions)} suggestion{'s' if len(suggestions) != 1 else ''}, best first. "
         "Use --json for the needs and a draft of the document's “why” text.")
    return EXIT_OK


def _modifications(cat, args: argparse.Namespace) -> int:
    items = cat.search_modifications(args.search or "")
    if args.json:
        _out(json.dumps([{"id": m.id, "text": m.text, "kind": "modification", "explanation": m.explanation}
                         for m in items], indent=2, ensure_ascii=False))
        return EXIT_OK
    _out("Modifications (not accommodations):")
    for paragraph in (cat.difference.modification, cat.difference.quick_test):
        _out(textwrap.fill(paragraph, width=88, initial_indent="  ", subsequent_indent="  "))
    _out()
    for item in items:
        _out("\n".join(textwrap.wrap(item.text, width=88, initial_indent=f"  {item.id:<5} ",
                                     subsequent_indent=" " * 8)))
    return EXIT_OK


EXTRA_COMMANDS["accommodations"] = (
    "browse and search the accommodation catalogue, or list the suggestions for a case",
    configure,
    cmd_accommodations,
)
