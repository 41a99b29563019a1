"""Bad input: every case is a DocumentError that names the file and says what is wrong."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from stikg.errors import DocumentError
from stikg.loaders.readers import read_document
from tests.loaders_readers import samples


def garbage(n: int) -> bytes:
    return random.Random(4).randbytes(n)


def truncated(path: Path, keep: float) -> bytes:
    data = path.read_bytes()
    return data[: int(len(data) * keep)]


CASES = {
    "empty.txt": (lambda tmp: b"", "empty"),
    "blank.md": (lambda tmp: b" \r\n\t\n", "empty"),
    "garbage.txt": (lambda tmp: garbage(4096), "not UTF-8"),
    "nul.txt": (lambda tmp: "规划\x00\x01\x02正文".encode(), "binary"),
    "mixed.txt": (lambda tmp: "科技创新规划".encode() + b"\xff\xfe\x80" + "正文".encode("gbk"), "not UTF-8"),
    "truncated.docx": (lambda tmp: truncated(samples.write_docx(tmp / "ok.docx"), 0.6), "docx"),
    "not-a-zip.docx": (lambda tmp: "这是一个文本文件".encode(), "not a .docx"),
    "truncated.pdf": (lambda tmp: truncated(samples.write_pdf(tmp / "ok.pdf"), 0.5), "truncated PDF"),
    "fake.pdf": (lambda tmp: b"hello, this is not a pdf", "not a PDF"),
    "garbage.html": (lambda tmp: b'<meta charset="utf-8">' + garbage(2048), "not UTF-8"),
    "plan.xyz": (lambda tmp: b"text", "unsupported format .xyz"),
    "old.doc": (lambda tmp: b"\xd0\xcf\x11\xe0" + garbage(512), "save it as .docx"),
    "noext": (lambda tmp: b"text", "unsupported format"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_a_document_error(tmp_path: Path, name: str):
    make, reason = CASES[name]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    error = caught.value
    assert error.path == name and str(error).startswith(f"{name}: ")
    assert reason in error.reason, error.reason


def test_missing_file_is_a_document_error(tmp_path: Path):
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "gone.txt")


def test_pdf_without_text_layer(tmp_path: Path):
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(50, 50, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match="no text layer"):
        read_document(tmp_path / "scan.pdf")


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.7, 0.9, 0.99])
def test_pdf_truncated_anywhere(tmp_path: Path, keep: float):
    data = truncated(samples.write_pdf(tmp_path / "ok.pdf"), keep)
    (tmp_path / "cut.pdf").write_bytes(data)
    with pytest.raises(DocumentError):
        read_document(tmp_path / "cut.pdf")


@pytest.mark.parametrize("keep", [0.05, 0.5, 0.95])
def test_docx_truncated_anywhere(tmp_path: Path, keep: float):
    data = truncated(samples.write_docx(tmp_path / "ok.docx"), keep)
    (tmp_path / "cut.docx").write_bytes(data)
    with pytest.raises(DocumentError):
        read_document(tmp_path / "cut.docx")


@pytest.mark.parametrize("body", [b"<w:document><broken", b"", b'<?xml version="1.0"?><root/>', None])
def test_docx_with_broken_or_missing_main_part(tmp_path: Path, body: bytes | None):
    import zipfile

    good = samples.write_docx(tmp_path / "ok.docx")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "bad.docx", "w") as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
            elif body is not None:
                dst.writestr(item, body)
    with pytest.raises(DocumentError) as caught:
        read_document(tmp_path / "bad.docx")
    assert caught.value.path == "bad.docx" and "docx" in caught.value.reason
