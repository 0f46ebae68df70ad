"""Content that names an edition or a gallery must name one that exists."""

from pathlib import Path

from content_rules.checks import Problem


def reference_problems(settings: dict, fair) -> list[Problem]:
    problems = []
    numbers = {str(edition.number) for edition in fair.editions}
    index = settings.get("CONTENT_INDEX")
    for source in index.sources.values() if index else []:
        written = source.matter.get("edition")
        if written and written not in numbers:
            known = ", ".join(sorted(numbers)) or "none yet"
            message = f'Edition "{written}" is not defined (add content/editions/{written}.md, or write one of: {known})'
            problems.append(Problem(source.shown, source.matter.line_of("edition"), message))
    galleries = Path(settings["PATH"]) / settings.get("GALLERY_PATH", "galleries")
    for product in fair.products:
        for text in product.texts.values():
            name = text.get("gallery")
            if name and not (galleries / name).is_dir():
                message = (
                    f'Gallery "{name}" has no folder content/galleries/{name}/ (check the name)'
                )
                problems.append(text.problem("gallery", message))
    return problems
