"""One immutable configuration for the extractor, with defaults.

The service builds it from its settings; the library never reads the environment.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ExtractorConfig:
    # Reading limits: a file past them is refused with code "too_large".
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 500
    max_image_pixels: int = 120_000_000  # ~ A0 at 300 dpi is 140 Mpx; a phone photo is 12 Mpx
    # OCR
    ocr_language: str = "vie"
    ocr_dpi: int = 300
    ocr_processes: int = 0  # 0 = one per core
    ocr_quality_threshold: float = 0.80  # pages whose Vietnamese-syllable share is below are flagged
    # Names in scanned tables the repair will be unsure of: their lines read again under three
    # more conditions while the cleaned image is at hand (read/ocr/reread.py), for the repair
    ocr_reread_names: bool = True
    # A text layer with fewer than this many letters per page, or that is garbage, is OCR'd.
    min_text_chars_per_page: int = 20
    # Extraction
    model_dir: Path | None = None  # None = the model shipped in models/
    # "both" (trained tagger and rules, as cross-validation chose), "model" or "rules" (ablation)
    link_mode: str = "both"
    # Duplicates
    dedup_threshold: float = 85.0


DEFAULT_CONFIG = ExtractorConfig()
