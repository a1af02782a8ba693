"""The catalogue of the main corpus: every composed document, and the files made of them."""

from __future__ import annotations

from samples_catalogue_commune import commune_documents
from samples_catalogue_other import other_cong_van, other_disaster_decision
from samples_catalogue_upper import upper_documents
from samples_decisions import Doc


def compose_all() -> list[Doc]:
    """Every composed document; OUTPUTS says which files are made of which."""
    return [*commune_documents(), *upper_documents(), other_cong_van(),
            other_disaster_decision()]


# file name -> (document id or None, how it is made)
OUTPUTS: list[tuple[str, str | None, str]] = [
    ("qd-xa-an-binh-2023.pdf", "qd-xa-an-binh-2023", "pdf"),
    ("qd-qc-xa-tan-phu-2024.pdf", "qd-qc-xa-tan-phu-2024", "pdf"),
    ("qd-tinh-2020-table.docx", "qd-tinh-2020-table", "docx"),
    ("qd-tinh-2020-table.pdf", "qd-tinh-2020-table", "pdf"),
    ("qc-tinh-2020-utf16.txt", "qc-tinh-2020-utf16", "txt-utf16"),
    ("qd-huyen-2020.doc", "qd-huyen-2020", "doc"),
    ("qc-huyen-2020-bao-cao-hop.pdf", "qc-huyen-2020-bao-cao-hop", "pdf"),
    ("qd-huyen-2021-chuc-danh.pdf", "qd-huyen-2021-chuc-danh", "pdf"),
    ("qd-huyen-2022-khong-pho-truong-ban.docx", "qd-huyen-2022-khong-pho-truong-ban", "docx"),
    ("qd-xa-my-hiep-2025-table.docx", "qd-xa-my-hiep-2025-table", "docx"),
    ("qd-phuong-thuy-duong-2024.txt", "qd-phuong-thuy-duong-2024", "txt-utf8"),
    ("qd-dac-khu-con-dao-2025-bom.txt", "qd-dac-khu-con-dao-2025", "txt-utf8-bom"),
    ("qc-xa-phu-thinh-letterhead-2024.docx", "qc-xa-phu-thinh-letterhead-2024", "docx"),
    ("qc-xa-quang-phu-2024-phan-cong.docx", "qc-xa-quang-phu-2024-phan-cong", "docx"),
    ("qd-xa-tan-loc-2021-bhyt-cp1258.txt", "qd-xa-tan-loc-2021-bhyt", "txt-cp1258"),
    ("qd-xa-vinh-thanh-2023-ngay-5-9.docx", "qd-xa-vinh-thanh-2023-ngay-5-9", "docx"),
    ("qd-xa-hop-thinh-2023-thieu-vhxh.pdf", "qd-xa-hop-thinh-2023-thieu-vhxh", "pdf"),
    ("qd-xa-nghia-trung-2024-phong-vhtt.docx", "qd-xa-nghia-trung-2024-phong-vhtt", "docx"),
    ("qd-xa-binh-minh-2024-nhan-vien-buu-dien.doc", "qd-xa-binh-minh-2024-nhan-vien-buu-dien",
     "doc"),
    ("qd-qc-xa-long-hung-2023-so-lech.pdf", "qd-qc-xa-long-hung-2023-so-lech", "pdf"),
    ("other-cong-van-2023.docx", "other-cong-van-2023", "docx"),
    ("other-qd-thien-tai-2023.pdf", "other-qd-thien-tai-2023", "pdf"),
    ("qd-xa-quynh-lam-2023-tcvn3.docx", "qd-xa-quynh-lam-2023-tcvn3", "docx-tcvn3"),
    ("qd-xa-quynh-lam-2023-tcvn3.doc", "qd-xa-quynh-lam-2023-tcvn3", "doc-tcvn3"),
    ("qd-huyen-thanh-chuong-2020-tcvn3.pdf", "qd-huyen-thanh-chuong-2020-tcvn3", "pdf-tcvn3"),
    ("qd-xa-hoa-khanh-2024-vni.txt", "qd-xa-hoa-khanh-2024-vni", "txt-vni"),
    ("bad-empty.pdf", None, "empty"),
    ("bad-truncated.pdf", "qd-xa-an-binh-2023", "truncated"),
    ("bad-encrypted.pdf", "qd-xa-an-binh-2023", "encrypted"),
    ("bad-docx-named.pdf", "qd-xa-nghia-trung-2024-phong-vhtt", "docx-as-pdf"),
    ("bad-random.pdf", None, "random"),
]
