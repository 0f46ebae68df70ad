"""Pure image functions: a PIL image in, a PIL image (or bytes) out.

The order matters for privacy and correctness: orientation is applied from EXIF, then
colours are converted to sRGB, then every piece of metadata is dropped (EXIF with GPS and
camera serials, XMP, IPTC, MakerNotes, comments, the ICC profile itself), so that what is
encoded carries pixels only.
"""

import io

from PIL import Image, ImageCms, ImageOps

SRGB = ImageCms.createProfile("sRGB")
ORIENTATION = 0x0112
TURNED_SIDEWAYS = {5, 6, 7, 8}  # EXIF orientations that swap width and height
SIXTEEN_BIT_MODES = {"I;16", "I;16L", "I;16B", "I;16N", "I"}
WHITE = (255, 255, 255)


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """The size as the photo is meant to be seen, before decoding any pixel."""
    width, height = image.size
    if image.getexif().get(ORIENTATION, 1) in TURNED_SIDEWAYS:
        return height, width
    return width, height


def decode_for_width(image: Image.Image, largest_width: int) -> Image.Image:
    """Decode a JPEG at the smallest DCT scale (1/2, 1/4, 1/8) that still gives
    `largest_width`, in the photo's own orientation. Other formats decode whole."""
    if image.format == "JPEG" and image.mode in {"RGB", "L"}:
        width, height = oriented_size(image)
        wanted = (largest_width, max(1, round(height * largest_width / width)))
        sideways = image.getexif().get(ORIENTATION, 1) in TURNED_SIDEWAYS
        image.draft(image.mode, wanted[::-1] if sideways else wanted)
    image.load()
    return image


def upright(image: Image.Image) -> Image.Image:
    return ImageOps.exif_transpose(image)


def to_eight_bits(image: Image.Image) -> Image.Image:
    if image.mode in SIXTEEN_BIT_MODES:
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    return image


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB or RGBA pixels in sRGB, whatever the source's colour space."""
    image = to_eight_bits(image)
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
    target = "RGBA" if has_alpha else "RGB"
    icc = image.info.get("icc_profile")
    if icc and image.mode in {"RGB", "RGBA", "CMYK", "L"}:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        image = ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
    return image if image.mode == target else image.convert(target)


def without_metadata(image: Image.Image) -> Image.Image:
    image.info = {}
    return image


def prepare(image: Image.Image, largest_width: int) -> Image.Image:
    """Source image → upright sRGB pixels with no metadata, decoded once."""
    decoded = decode_for_width(image, largest_width)
    return without_metadata(to_srgb(upright(decoded)))


def fit_width(image: Image.Image, width: int) -> Image.Image:
    """Scale to `width`, keeping proportions; never enlarges."""
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return without_metadata(
        image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    )


def flattened(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put transparent photos on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, WHITE)
    background.paste(image, mask=image.getchannel("A"))
    return background


def encode(image: Image.Image, kind: str, options: dict) -> bytes:
    """`kind` is "webp" or "jpeg"; nothing but pixels is written."""
    buffer = io.BytesIO()
    pixels = flattened(image) if kind == "jpeg" else image
    without_metadata(pixels).save(buffer, kind.upper(), **options)
    return buffer.getvalue()
