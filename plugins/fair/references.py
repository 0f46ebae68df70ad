"""Content that names an edition or a gallery must name one that exists."""

from pathlib import Path

from plugins.core.problems import Problem


def undefined_edition(written: str, fair) -> str:
    known = ", ".join(str(edition.number) for edition in fair.editions) or "none yet"
    fix = f"add content/editions/{written}.md, or write one of: {known}"
    return f'Edition "{written}" is not defined ({fix})'


def reference_problems(settings: dict, index, fair) -> list[Problem]:
    problems = []
    numbers = {str(edition.number) for edition in fair.editions}
    for source in index.sources.values():
        written = source.matter.get("edition")
        if written and written not in numbers:
            message = undefined_edition(written, fair)
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
