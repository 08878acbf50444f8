"""Words for the provinces' targets in English and Vietnamese: status codes, labels, sentences."""

from __future__ import annotations

#: Words for status codes and labels; templates word the codes with these.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "heading_goals": "What the province set out to do", "heading_unit": "unit",
        "kind_rank_top_n": "DTI rank: top {n}", "kind_rank_exact": "DTI rank: {n} or better",
        "kind_rank_improve": "DTI rank: up at least {n} place(s) a year",
        "kind_score": "DTI score at least {v}", "kind_pillar_rank_top_n": "{m} rank: top {n}",
        "kind_main_indices": "DTI main indices in the national top {n}",
        "each_pillar": "each pillar",
        "col_target": "Target", "col_due": "Due", "col_status": "Status", "col_whose": "Whose",
        "col_source": "Source", "col_value": "Value",
        "status_met": "met", "status_not_met": "not met",
        "status_on_track": "currently within the target",
        "status_behind": "currently outside the target", "status_not_yet_due": "not yet due",
        "status_not_assessable": "not assessable from the data held",
        "status_no_achieved_figure": "no achieved figure in the sources held",
        "rank_in": "rank {v} in {y}", "latest_rank": "latest rank {v} ({y})",
        "unnamed": "an indicator the source does not name {unit}",
        "main": "Main target: {label}{by}, {status}", "main_by": " by {due}",
        "main_rank": "rank {v} in {y}", "main_gap": "{d} {dir} the {nth} score of the others",
        "above": "above", "below": "below",
        "stale_rank": "the latest rank of this measure held is from {y} ({v}), older than the "
                      "latest assessment",
        "status_defs": "Statuses: met / not met: judged on the rank (or figure) of the due year. "
                       "Currently within / outside the target: the due year is not yet "
                       "assessed; where the latest rank stands against the target, not a "
                       "forecast. Not yet due: no rank held to compare. Not assessable: the "
                       "measure is not in the rankings held, or its latest rank is older than "
                       "the latest assessment.",
        "post_merger": "due after the 2025 merger: DTI 2025 ranks the 34 units only, so a "
                       "target set among the 63 provinces can no longer be assessed as set",
        "score_in": "score {v} ({y})", "gained": "{v} place(s) gained in {y}",
        "achieved_in": "{v} achieved ({y})", "achieved": "{v} achieved",
        "stated": "the source's notes: {s}", "disagrees": "differs from the status computed here",
        "conflicting": "another target for the same year differs", "undated": "no due year printed",
        "annual": "annual", "range": "lower end of a printed range", "doubtful": "doubtful source",
        "own": "own", "of_predecessor": "{name}, before the 2025 merger",
        "of_unit": "unit {name}, from 2025",
        "needed": "To be in the top {n} in {y} needed at least {s}, the {nth} score of the "
                  "other provinces; {name} had {o}.",
        "needed_years": "The {nth} score of the others by year (and the province's): ",
        "needed_year": "{y} {s} ({o})",
        "counts": "Targets counted by the sources (as stated)",
        "count_row": "{v} of {d}: {text}", "claims": "Ranks the province's own sources claim",
        "claim_consistent": "consistent", "claim_inconsistent": "inconsistent",
        "claim_not_verifiable": "not verifiable",
        "claim_consistent_dependent": "consistent (not an independent check)",
        "of_basis": "of {n}",
        "against": "Checked against", "against_official": "the official table",
        "against_derived": "ranks derived from the published scores",
        "against_reported": "ranks reported by other press sources",
        "against_same_publisher": "the same publisher's own reports (not an independent check)",
        "against_own_press": "ranks reported by the province's own media (not independent)",
        "against_none": "nothing held to check against", "article": "Article",
        "none_found": "No target of {name} was found in the plans and press read for this "
                      "project. An absent target means none was found, not that none was set.",
        "chart_label": "top {n} by {y}", "chart_label_undated": "top {n}",
        "page_title": "Provinces' own DTI targets and where they stand",
        "page_intro": "Each row is a target a province or 2025 unit set for its DTI rank, score or "
                      "a pillar, from its plans and press, with the status computed here from the "
                      "rankings held (latest assessment: DTI {y}). A province that is absent had "
                      "no such target in the sources read: none found, not none set.",
        "counts_by_status": "Targets by status", "province": "Province or unit",
        "latest": "Judged on", "need": "Score of the N-th (latest year)", "basis": "Basis",
        "back": "All reports",
    },
    "vi": {
        "heading_goals": "Mục tiêu tỉnh đề ra", "heading_unit": "đơn vị",
        "kind_rank_top_n": "Xếp hạng DTI: nhóm {n} dẫn đầu",
        "kind_rank_exact": "Xếp hạng DTI: thứ {n} trở lên",
        "kind_rank_improve": "Xếp hạng DTI: tăng ít nhất {n} bậc mỗi năm",
        "kind_score": "Điểm DTI tối thiểu {v}", "kind_pillar_rank_top_n": "Xếp hạng {m}: nhóm {n}",
        "kind_main_indices": "Các chỉ số chính DTI thuộc nhóm {n} cả nước",
        "each_pillar": "từng trụ cột",
        "col_target": "Mục tiêu", "col_due": "Năm", "col_status": "Trạng thái",
        "col_whose": "Của", "col_source": "Nguồn", "col_value": "Giá trị",
        "status_met": "đạt", "status_not_met": "không đạt",
        "status_on_track": "hiện nằm trong mức mục tiêu",
        "status_behind": "hiện nằm ngoài mức mục tiêu", "status_not_yet_due": "chưa đến hạn",
        "status_not_assessable": "chưa đánh giá được từ dữ liệu hiện có",
        "status_no_achieved_figure": "các nguồn hiện có chưa nêu kết quả thực hiện",
        "rank_in": "hạng {v} năm {y}", "latest_rank": "hạng gần nhất {v} ({y})",
        "unnamed": "chỉ tiêu không được nguồn nêu tên {unit}",
        "main": "Mục tiêu chính: {label}{by}, {status}", "main_by": " đến năm {due}",
        "main_rank": "hạng {v} năm {y}",
        "main_gap": "{dir} điểm của tỉnh thứ {n} trong các tỉnh còn lại {d}",
        "above": "cao hơn", "below": "thấp hơn",
        "stale_rank": "thứ hạng gần nhất hiện có của chỉ số này là từ năm {y} ({v}), cũ hơn kỳ "
                      "đánh giá gần nhất",
        "status_defs": "Trạng thái: đạt / không đạt: đánh giá theo thứ hạng (hoặc số liệu) của "
                       "năm đến hạn. Hiện nằm trong / ngoài mức mục tiêu: năm đến hạn chưa được "
                       "đánh giá; đây là vị trí của thứ hạng gần nhất so với mục tiêu, không "
                       "phải dự báo. Chưa đến hạn: chưa có thứ hạng để so sánh. Chưa đánh giá "
                       "được: chỉ số không có trong bảng xếp hạng hiện có, hoặc thứ hạng gần "
                       "nhất cũ hơn kỳ đánh giá gần nhất.",
        "post_merger": "đến hạn sau sáp nhập 2025: DTI 2025 chỉ xếp hạng 34 đơn vị, nên mục "
                       "tiêu đặt trong 63 tỉnh không còn đánh giá được như khi đặt ra",
        "score_in": "điểm {v} ({y})", "gained": "tăng {v} bậc năm {y}",
        "achieved_in": "đạt {v} ({y})", "achieved": "đạt {v}",
        "stated": "ghi chú của nguồn: {s}", "disagrees": "khác với trạng thái tính ở đây",
        "conflicting": "có mục tiêu khác cho cùng năm", "undated": "nguồn không ghi năm",
        "annual": "hằng năm", "range": "cận dưới của khoảng", "doubtful": "nguồn chưa chắc chắn",
        "own": "của chính địa phương", "of_predecessor": "{name}, trước sáp nhập 2025",
        "of_unit": "đơn vị {name}, từ 2025",
        "needed": "Để vào nhóm {n} năm {y} cần ít nhất {s} (điểm của tỉnh thứ {n} trong các "
                  "tỉnh còn lại); {name} đạt {o}.",
        "needed_years": "Điểm của tỉnh {nth} trong các tỉnh còn lại theo năm (và điểm của "
                        "tỉnh): ",
        "needed_year": "{y}: {s} ({o})",
        "counts": "Số mục tiêu theo nguồn (như nguồn nêu)", "count_row": "{v}/{d}: {text}",
        "claims": "Thứ hạng do nguồn của tỉnh công bố",
        "claim_consistent": "khớp", "claim_inconsistent": "không khớp",
        "claim_not_verifiable": "chưa kiểm chứng được",
        "claim_consistent_dependent": "khớp (đối chiếu không độc lập)",
        "of_basis": "trên {n}",
        "against": "Đối chiếu với", "against_official": "bảng xếp hạng chính thức",
        "against_derived": "thứ hạng tính từ điểm số đã công bố",
        "against_reported": "thứ hạng do báo chí khác đưa tin",
        "against_same_publisher": "chính các bài trước của cùng nguồn (không độc lập)",
        "against_own_press": "thứ hạng do báo chí của chính tỉnh đưa tin (không độc lập)",
        "against_none": "không có dữ liệu để đối chiếu", "article": "Bài viết",
        "none_found": "Chưa tìm thấy mục tiêu nào của {name} trong các kế hoạch và bài báo đã "
                      "đọc. Không tìm thấy không có nghĩa là tỉnh không đặt mục tiêu.",
        "chart_label": "nhóm {n} đến {y}", "chart_label_undated": "nhóm {n}",
        "page_title": "Mục tiêu DTI của các tỉnh và kết quả hiện tại",
        "page_intro": "Mỗi dòng là một mục tiêu về thứ hạng, điểm hoặc trụ cột DTI mà tỉnh hoặc "
                      "đơn vị hành chính 2025 đề ra trong kế hoạch và trên báo chí, với trạng "
                      "thái tính từ bảng xếp hạng hiện có (kỳ đánh giá gần nhất: DTI {y}). Tỉnh "
                      "không có trong danh sách là chưa tìm thấy mục tiêu, không phải không đặt.",
        "counts_by_status": "Số mục tiêu theo trạng thái", "province": "Tỉnh hoặc đơn vị",
        "latest": "Căn cứ đánh giá", "need": "Điểm của tỉnh thứ N (năm gần nhất)",
        "basis": "Cơ sở", "back": "Tất cả báo cáo",
    },
}
#: Plan indicators named in English in the raw table, in Vietnamese.
INDICATORS_VI = {
    "Digital economy share of GRDP (%)": "Tỷ trọng kinh tế số trong GRDP (%)",
    "E-commerce share of total retail sales (%)": "Tỷ trọng thương mại điện tử trong tổng mức "
                                                  "bán lẻ (%)",
    "Online public service usage rate by people and enterprises (%)":
        "Tỷ lệ người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến (%)",
    "E-commerce share of total retail (%)": "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ (%)",
    "Villages/hamlets covered by mobile broadband (3G/4G/5G) and fibre (%)":
        "Tỷ lệ thôn, bản được phủ sóng băng rộng di động (3G/4G/5G) và cáp quang (%)",
    "Eligible administrative procedures as full-process online public services (%)":
        "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn "
        "trình (%)",
}
