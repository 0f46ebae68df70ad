"""What to make of each photo: frozen, picklable descriptions, no disk access."""

import hashlib
import json
from dataclasses import dataclass, field, replace

EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}
PIPELINE_VERSION = 2  # change it when transforms change their output


@dataclass(frozen=True)
class Spec:
    """Everything that shapes the files made from a photo."""

    widths: tuple[int, ...]
    formats: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]  # (kind, options)
    max_pixels: int
    full_size: bool = False
    only_at: tuple[tuple[str, tuple[int, ...]], ...] = ()  # kinds made at these widths only

    @classmethod
    def from_settings(cls, settings: dict) -> "Spec":
        formats = tuple(
            (kind, tuple(sorted(options.items())))
            for kind, options in settings["GALLERY_FORMATS"].items()
        )
        widths = tuple(sorted(settings["GALLERY_WIDTHS"]))
        only_at = tuple(
            (kind, tuple(sorted(at))) for kind, at in sorted(settings["GALLERY_ONLY_AT"].items())
        )
        return cls(
            widths,
            formats,
            settings["GALLERY_MAX_PIXELS"],
            settings["GALLERY_FULL_SIZE"],
            only_at,
        )

    def for_past_editions(self, settings: dict) -> "Spec":
        """The same, with GALLERY_PAST_WIDTHS (if set) for the photos of past editions."""
        past = settings.get("GALLERY_PAST_WIDTHS")
        return replace(self, widths=tuple(sorted(past)), full_size=False) if past else self

    @property
    def key(self) -> str:
        described = json.dumps(
            [PIPELINE_VERSION, self.widths, self.formats, self.full_size, self.only_at]
        )
        return hashlib.sha256(described.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Job:
    source: str  # absolute path of the photo
    digest: str  # sha256 of its bytes
    cache_dir: str
    spec: Spec


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    kind: str  # "webp" or "jpeg"
    file: str  # name in the cache folder


@dataclass(frozen=True)
class Result:
    source: str
    digest: str
    ok: bool
    width: int = 0
    height: int = 0
    renditions: tuple[Rendition, ...] = field(default_factory=tuple)
    reason: str = ""
    encoded: int = 0  # files written this time (0 when it came from the cache)
    spec: str = ""  # the key of the Spec it was made with


def widths_for(full_width: int, spec: Spec) -> list[int]:
    """The configured widths below the photo's own width, never enlarging; the photo's own
    width too when it is narrower than the largest one, or when full size is wanted."""
    widths = [width for width in spec.widths if width < full_width]
    if spec.full_size or full_width <= max(spec.widths):
        widths.append(full_width)
    return sorted(set(widths))


def kinds_by_width(full_width: int, spec: Spec) -> dict[int, list[str]]:
    """{width: the kinds made at it}: every kind at every width of `widths_for`, except the
    kinds of `only_at`, made at their own widths (never wider than the photo)."""
    only_at = dict(spec.only_at)
    wanted: dict[int, list[str]] = {}
    for kind, _ in spec.formats:
        widths = (
            {min(width, full_width) for width in only_at[kind]}
            if kind in only_at
            else widths_for(full_width, spec)
        )
        for width in widths:
            wanted.setdefault(width, []).append(kind)
    return dict(sorted(wanted.items()))


def cache_file_name(digest: str, spec: Spec, width: int, kind: str) -> str:
    return f"{digest[:20]}-{spec.key}-{width}.{EXTENSIONS[kind]}"
