from __future__ import annotations


def test_one_line_per_finding_errors_first(docs, run_vi, render) -> None:
    lines = render("line", docs, run_vi).splitlines()
    assert lines == [
        "a/qd-tinh.pdf:1:1: CV3036-02 [nên xem lại] Hợp nhất hai Ban Chỉ đạo: thiếu.",
        "b/qd xã <x>.docx:1:12: CV3036-03 [phải sửa] Danh sách thành viên không có Phó "
        "Trưởng ban; Thành viên «Trần Văn Ba» không ghi chức vụ.",
        "b/qd xã <x>.docx:1:1: ND30-04 [ghi chú] Địa danh và thời gian: thiếu.",
        "c/hong.pdf:1:1: READ-ERROR [phải sửa] " + lines[3].split("] ", 1)[1],
    ]
    assert "Tệp bị hỏng" in lines[3]


def test_line_in_english(docs, run_en, render) -> None:
    lines = render("line", docs, run_en).splitlines()
    assert lines[1].startswith("b/qd xã <x>.docx:1:12: CV3036-03 [to fix] The member list")
    assert lines[2].startswith("b/qd xã <x>.docx:1:1: ND30-04 [note] ")
