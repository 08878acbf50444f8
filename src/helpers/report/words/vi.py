"""Vietnamese words of the report pages, one table per section (keys as in
the other languages' modules: tests/unit/test_language.py checks they agree)."""

from __future__ import annotations

#: Interface words: headings, labels, merger, conflicts, method box, downloads, what moved.
TEXT: dict[str, str] = {
    "title": "Chỉ số chuyển đổi số: {name}",
    "unit_title": "Chỉ số chuyển đổi số: {name} (đơn vị hành chính từ năm 2025)",
    "region": "Vùng",
    "rank": "Xếp hạng",
    "score": "Điểm",
    "change": "Thay đổi so với {year}",
    "of": "/",
    "provinces": "tỉnh, thành phố",
    "units": "tỉnh, thành phố (sau sáp nhập)",
    "pillar_ranks": "Xếp hạng trụ cột",
    "main_indices": "Chỉ số chính",
    "no_pillars": "Các nguồn hiện có không công bố xếp hạng trụ cột năm {year}.",
    "narrative": "Tóm tắt",
    "history": "Thứ hạng và điểm số qua các năm",
    "indices": "Các chỉ số chính so với cả nước và trong vùng",
    "peers": "Các tỉnh cùng vùng",
    "fundamentals": "Mức mà các tỉnh tương tự thường đạt",
    "targets": "Mục tiêu và các tuyên bố của tỉnh",
    "method": "Dữ liệu và phương pháp",
    "index_name": "Chỉ số",
    "value": "Điểm",
    "national_median": "Trung vị cả nước",
    "best": "Cao nhất",
    "regional_mean": "Trung bình vùng",
    "province": "Tỉnh, thành phố",
    "unit": "Đơn vị",
    "up": "tăng",
    "down": "giảm",
    "same": "giữ nguyên",
    "first_time": "năm đầu tiên trên cơ sở này",
    "joint": "đồng hạng",
    "predicted": "Thứ hạng dự báo",
    "observed": "Thứ hạng thực tế",
    "factor": "Yếu tố",
    "contribution": "Đóng góp (điểm)",
    "target_kind": "Mục tiêu",
    "achieved": "Đạt được",
    "target": "Kế hoạch",
    "met": "Đạt",
    "claimed": "Thứ hạng tỉnh công bố",
    "official": "Thứ hạng chính thức",
    "status": "Đối chiếu",
    "why": "Lý do",
    "yes": "có",
    "no": "không",
    "unknown": "chưa có số liệu",
    "sources": "Nguồn",
    "retrieved": "truy cập",
    "links": "Các trang web là nguồn số liệu của tỉnh",
    "commit": "Phiên bản mã",
    "built": "Thời điểm tạo",
    "other_language": "English",
    "back": "Tất cả báo cáo",
    "method_break": "đổi phương pháp",
    "merger": "sáp nhập 2025",
    "no_history": "Chỉ có kết quả của một năm cho {name}; chưa thể vẽ diễn biến.",
    "no_model": ("Mô hình yếu tố nền tảng chỉ áp dụng cho 63 tỉnh, thành phố; xem báo cáo của "
                 "từng tỉnh trước sáp nhập."),
    "no_press": "Chưa có dữ liệu báo chí về {name}.",
    "no_fundamentals": "Mô hình chưa có dự báo cho {name} năm nay (thiếu số liệu một yếu tố).",
    "predecessors": "Hợp thành từ",
    "origin": "Nguồn số liệu",
    "year": "Năm",
    "consistent": "khớp",
    "inconsistent": "không khớp",
    "not verifiable": "chưa kiểm chứng được",
    "index_page": "Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: các báo cáo",
    "national": "Bức tranh cả nước",
    "ranks_by_region": "Thứ hạng theo vùng",
    "tile_map": "Các tỉnh theo thứ hạng DTI",
    "filter": "Lọc theo tên hoặc vùng",
    "report": "Báo cáo",
    "failed": "lỗi",
    "status_col": "Trạng thái",
    "rank_axis": "thứ hạng (1 = cao nhất)",
    "score_axis": "điểm (0-1)",
    "unit_2025": "Đơn vị từ năm 2025",
    "unit_rank": "thứ {rank}/34 năm {year}",
    "province_rank": "{rank}/63 năm {year}",
    "unit_series": "{name} (đơn vị, trên 34)",
    "via_unit": "thứ hạng của {unit}/34",
    "units_only_index": ("DTI {year} chỉ được công bố cho 34 đơn vị thành lập năm 2025: mỗi tỉnh "
                         "hiển thị thứ hạng/34 của đơn vị mình thuộc về."),
    "unit_standing": "Thứ hạng {year} của {unit} (trên 34 đơn vị)",
    "unit_only_year": ("DTI {year} chỉ được công bố cho 34 đơn vị hành chính thành lập ngày "
                       "{date}: {name} thuộc {unit}, xếp thứ {rank}/34 với {score} điểm. Đây là "
                       "kết quả của đơn vị, không phải của tỉnh."),
    "province_in_unit": "Từ ngày {date}, {name} thuộc đơn vị {unit}, hợp nhất cùng {others}.",
    "province_unchanged": ("{name} không sáp nhập ngày {date}: tỉnh tiếp tục là một đơn vị hành "
                           "chính."),
    "unit_unchanged": ("{name} không sáp nhập ngày {date}: đơn vị giữ nguyên địa giới của tỉnh "
                       "cùng tên."),
    "province_page": "Trang của tỉnh (xếp hạng trên 63)",
    "unit_page": "Trang của đơn vị (xếp hạng trên 34)",
    "conflict": "Các nguồn không thống nhất: {host} ghi năm {year} {items}.",
    "conflict_item": "{field} {measure} là {other}",
    "conflict_kept": " (báo cáo này giữ {kept}, theo nguồn “{kept_source}”{why})",
    "conflict_withheld": " (báo cáo này không ghi giá trị{why})",
    "why_matches_other_year": "; có lẽ là số liệu năm {year} ghi nhầm năm",
    "why_matches_other_basis": "; có lẽ là số liệu trên cơ sở {basis} đơn vị",
    "why_sources_disagree": ": không có số liệu chính thức và các nguồn không thống nhất",
    "why_source_year_doubtful": ": các số liệu khác của cùng nguồn trùng với năm khác",
    "field_rank": "thứ hạng",
    "field_score": "điểm",
    "derived_note": ("Thứ hạng có ghi chú “tính từ điểm” không được công bố dưới dạng thứ hạng: "
                     "chúng có được bằng cách sắp xếp điểm số do Bộ công bố."),
    "reported_note": ("Thứ hạng có ghi chú “báo chí” lấy từ cổng thông tin của tỉnh và báo chí, "
                      "các nguồn đều thống nhất."),
    "mark_derived": "tính từ điểm",
    "mark_reported": "báo chí",
    "agrees_published": "Thứ hạng tính từ điểm của đơn vị khớp với thứ hạng đã được công bố.",
    "download": "Tải dữ liệu (CSV)",
    "download_all": "Tải toàn bộ bảng số liệu (CSV)",
    "citation": "Trích dẫn đề xuất",
    "licence": "Giấy phép",
    "licence_code": "mã nguồn",
    "licence_data": "dữ liệu",
    "about": "Về chỉ số",
    "kind": "loại nguồn",
    "terms": "điều kiện sử dụng",
    "ties": "{count} {what} đạt {score}",
    "also_index": "English",
    "units_map": "34 đơn vị hành chính từ năm 2025 theo thứ hạng DTI",
    "provinces_table": "63 tỉnh, thành phố",
    "units_table": "34 tỉnh, thành phố từ năm 2025",
    "no_match": "Không tìm thấy tỉnh, thành phố phù hợp.",
    "commit_date": "ngày cập nhật mã",
    "method_2024": ("DTI 2024 được tính theo phương pháp mới (47 chỉ tiêu thay cho 98), nên thay "
                    "đổi từ 2023 sang 2024 gồm cả chuyển biến của tỉnh lẫn tác động của việc đổi "
                    "phương pháp"),
    "method_2021": "phương pháp đánh giá đã thay đổi giữa kỳ 2020 và kỳ 2021",
    "method_changed_in": "đổi phương pháp năm {year}",
    "method_alt": "Phương pháp DTI thay đổi ở các kỳ đánh giá {years}.",
    "and": " và ",
    "moved": "Chỉ số nào thay đổi",
    "moved_change": "Thay đổi {y0}→{y1} (bậc)",
    "moved_sentence": ("Thay đổi lớn nhất từ {y0} đến {y1}: {measure} {verb} từ {r0} xuống {r1} "
                       "({n} bậc)."),
    "moved_none": "Không chỉ số chính nào thay đổi thứ hạng từ {y0} đến {y1}.",
    "rose": "tăng",
    "fell": "giảm",
    "typical": "Để so sánh, {p} % số {what} thay đổi không quá {n} bậc ở chỉ số này.",
    "moved_no_split": ("Điểm tổng hợp gộp tám chỉ số chính nhưng chỉ bốn chỉ số được công bố cho "
                       "mọi tỉnh, nên không thể tách chính xác thay đổi điểm tổng hợp thành phần "
                       "đóng góp của từng chỉ số; báo cáo chỉ nêu thứ hạng các chỉ số."),
    "moved_none_held": "Chưa có đủ hai năm thứ hạng chỉ số chính của {name} trên cơ sở này.",
    "moved_alt": "Thứ hạng bốn chỉ số chính của {name} từ {y0} đến {y1}: {items}.",
    "similar": "Các tỉnh tương đồng nhất về mức phát triển và quản trị",
    "similar_sentence": ("Năm tỉnh gần {name} nhất theo hai nhóm yếu tố phát triển và quản trị "
                         "của mô hình xếp từ thứ {best} đến thứ {worst}/{n} năm {year}; {name} "
                         "xếp {own}."),
    "similar_note": ("Mức phát triển: thu nhập, đô thị hóa, lao động qua đào tạo và bảo hiểm xã "
                     "hội; quản trị: PCI. Gần nhất: khoảng cách nhỏ nhất theo hai nhóm yếu tố, "
                     "mỗi nhóm được chuẩn hóa theo cùng độ phân tán trong {n_model} tỉnh của mô "
                     "hình (năm {year}). Vị trí: 1 = cao nhất trong {n_model} tỉnh."),
    "development_position": "Mức phát triển (vị trí)",
    "governance_position": "Quản trị (vị trí)",
    "typical_overall": ("Để đánh giá một thay đổi: từ {y0} đến {y1}, {p} % số {what} thay đổi "
                        "không quá {n} bậc ở thứ hạng tổng hợp."),
    "typical_method": "Các thay đổi này gồm cả tác động của việc đổi phương pháp DTI {year}.",
    "mark_agrees": "khớp với thứ hạng đã công bố",
    "cite_retrieved": " Truy cập ngày {accessed}, tại {url}",
    "cite": ("{who} ({y}). Chỉ số chuyển đổi số cấp tỉnh của Việt Nam: báo cáo {name}, DTI {year} "
             "(phiên bản {version}, mã {commit}, {date}).{url}"),
    "version": "phiên bản",
}

#: The targets section and page: status codes, target labels, sentences.
TARGETS: dict[str, str] = {
    "heading_goals": "Mục tiêu tỉnh đề ra",
    "heading_unit": "đơn vị",
    "kind_rank_top_n": "Xếp hạng DTI: nhóm {n} dẫn đầu",
    "kind_rank_exact": "Xếp hạng DTI: thứ {n} trở lên",
    "kind_rank_improve": "Xếp hạng DTI: tăng ít nhất {n} bậc mỗi năm",
    "kind_score": "Điểm DTI tối thiểu {v}",
    "kind_pillar_rank_top_n": "Xếp hạng {m}: nhóm {n}",
    "kind_main_indices": "Các chỉ số chính DTI thuộc nhóm {n} cả nước",
    "each_pillar": "từng trụ cột",
    "col_target": "Mục tiêu",
    "col_due": "Năm",
    "col_status": "Trạng thái",
    "col_whose": "Của",
    "col_source": "Nguồn",
    "col_value": "Giá trị",
    "status_met": "đạt",
    "status_not_met": "không đạt",
    "status_on_track": "hiện nằm trong mức mục tiêu",
    "status_behind": "hiện nằm ngoài mức mục tiêu",
    "status_not_yet_due": "chưa đến hạn",
    "status_not_assessable": "chưa đánh giá được từ dữ liệu hiện có",
    "status_no_achieved_figure": "các nguồn hiện có chưa nêu kết quả thực hiện",
    "rank_in": "hạng {v} năm {y}",
    "latest_rank": "hạng gần nhất {v} ({y})",
    "unnamed": "chỉ tiêu không được nguồn nêu tên {unit}",
    "main": "Mục tiêu chính: {label}{by}, {status}",
    "main_by": " đến năm {due}",
    "main_rank": "hạng {v} năm {y}",
    "main_rank_joint": "đồng hạng {v} năm {y}",
    "main_gap": "{dir} điểm của tỉnh thứ {n} trong các tỉnh còn lại {d}",
    "above": "cao hơn",
    "below": "thấp hơn",
    "stale_rank": ("thứ hạng gần nhất hiện có của chỉ số này là từ năm {y} ({v}), cũ hơn kỳ đánh "
                   "giá gần nhất"),
    "status_defs": ("Trạng thái: đạt / không đạt: đánh giá theo thứ hạng (hoặc số liệu) của năm "
                    "đến hạn. Hiện nằm trong / ngoài mức mục tiêu: năm đến hạn chưa được đánh "
                    "giá; đây là vị trí của thứ hạng gần nhất so với mục tiêu, không phải dự "
                    "báo. Chưa đến hạn: chưa có thứ hạng để so sánh. Chưa đánh giá được: chỉ số "
                    "không có trong bảng xếp hạng hiện có, hoặc thứ hạng gần nhất cũ hơn kỳ đánh "
                    "giá gần nhất."),
    "post_merger": ("đến hạn sau sáp nhập 2025: DTI 2025 chỉ xếp hạng 34 đơn vị, nên mục tiêu "
                    "đặt trong 63 tỉnh không còn đánh giá được như khi đặt ra"),
    "score_in": "điểm {v} ({y})",
    "gained": "tăng {v} bậc năm {y}",
    "achieved_in": "đạt {v} ({y})",
    "achieved": "đạt {v}",
    "stated": "ghi chú của nguồn: {s}",
    "disagrees": "khác với trạng thái tính ở đây",
    "conflicting": "có mục tiêu khác cho cùng năm",
    "undated": "nguồn không ghi năm",
    "annual": "hằng năm",
    "range": "cận dưới của khoảng",
    "doubtful": "nguồn chưa chắc chắn",
    "own": "của chính địa phương",
    "of_predecessor": "{name}, trước sáp nhập 2025",
    "of_unit": "đơn vị {name}, từ 2025",
    "needed": ("Để vào nhóm {n} năm {y} cần ít nhất {s} (điểm của tỉnh thứ {n} trong các tỉnh "
               "còn lại); {name} đạt {o}."),
    "needed_years": "Điểm của tỉnh {nth} trong các tỉnh còn lại theo năm (và điểm của tỉnh): ",
    "needed_year": "{y}: {s} ({o})",
    "counts": "Số mục tiêu theo nguồn (như nguồn nêu)",
    "count_row": "{v}/{d}: {text}",
    "claims": "Thứ hạng do nguồn của tỉnh công bố",
    "claim_consistent": "khớp",
    "claim_inconsistent": "không khớp",
    "claim_not_verifiable": "chưa kiểm chứng được",
    "claim_consistent_dependent": "khớp (đối chiếu không độc lập)",
    "of_basis": "trên {n}",
    "against": "Đối chiếu với",
    "against_official": "bảng xếp hạng chính thức",
    "against_derived": "thứ hạng tính từ điểm số đã công bố",
    "against_reported": "thứ hạng do báo chí khác đưa tin",
    "against_same_publisher": "chính các bài trước của cùng nguồn (không độc lập)",
    "against_own_press": "thứ hạng do báo chí của chính tỉnh đưa tin (không độc lập)",
    "against_none": "không có dữ liệu để đối chiếu",
    "article": "Bài viết",
    "none_found": ("Chưa tìm thấy mục tiêu nào của {name} trong các kế hoạch và bài báo đã đọc. "
                   "Không tìm thấy không có nghĩa là tỉnh không đặt mục tiêu."),
    "chart_label": "nhóm {n} đến {y}",
    "chart_label_undated": "nhóm {n}",
    "page_title": "Mục tiêu DTI của các tỉnh và kết quả hiện tại",
    "page_intro": ("Mỗi dòng là một mục tiêu về thứ hạng, điểm hoặc trụ cột DTI mà tỉnh hoặc đơn "
                   "vị hành chính 2025 đề ra trong kế hoạch và trên báo chí, với trạng thái tính "
                   "từ bảng xếp hạng hiện có (kỳ đánh giá gần nhất: DTI {y}). Tỉnh không có "
                   "trong danh sách là chưa tìm thấy mục tiêu, không phải không đặt."),
    "counts_by_status": "Số mục tiêu theo trạng thái",
    "province": "Tỉnh hoặc đơn vị",
    "latest": "Căn cứ đánh giá",
    "need": "Điểm của tỉnh thứ N (năm gần nhất)",
    "basis": "Cơ sở",
    "back": "Tất cả báo cáo",
    "post_merger_share": ("thay vào đó, đánh giá ở đây theo cùng tỷ lệ trong 34 đơn vị: nhóm "
                          "{n}/63 là {p} % dẫn đầu, tương ứng nhóm {m}/34 ({unit}, đơn vị sau "
                          "sáp nhập, xếp thứ {rank}/34 năm {y}: {verdict})"),
    "post_merger_within": "hiện nằm trong",
    "post_merger_outside": "hiện nằm ngoài",
}

#: The targets page's own words: what each status means, filter, download.
TARGETS_INDEX: dict[str, str] = {
    "met": "thứ hạng (hoặc điểm) của năm đến hạn đạt mục tiêu",
    "not_met": "thứ hạng (hoặc điểm) của năm đến hạn không đạt mục tiêu",
    "on_track": "chưa đến hạn; thứ hạng gần nhất đã đạt mục tiêu",
    "behind": "chưa đến hạn; thứ hạng gần nhất chưa đạt mục tiêu",
    "not_yet_due": "đến hạn sau kỳ đánh giá gần nhất, chưa có thứ hạng để so sánh",
    "not_assessable": "bảng xếp hạng không có chỉ số mà mục tiêu nhắm tới",
    "no_achieved_figure": "các nguồn hiện có không nêu kết quả đạt được",
    "definitions": "Ý nghĩa của từng trạng thái",
    "show": "Lọc mục tiêu theo trạng thái",
    "all": "tất cả",
    "download": "Tải các mục tiêu này (CSV)",
    "citation": "Trích dẫn đề xuất",
    "cite_title": "Mục tiêu DTI của các tỉnh và kết quả hiện tại",
    "odds": "Khả năng đạt (ước tính trước hạn)",
    "odds_note": ("Khả năng đạt: xác suất mô hình tính được, chỉ từ số liệu các năm trước năm "
                  "đến hạn, rằng tỉnh đạt mục tiêu (chỉ với mục tiêu đã đạt hoặc không đạt; – "
                  "khi chưa có năm đầy đủ nào trước đó)."),
}

#: The section "what provinces like it usually reach".
FUNDAMENTALS: dict[str, str] = {
    "observed": "Thứ hạng thực tế",
    "usual80": "Khoảng thường gặp ở các tỉnh tương tự (80 %)",
    "usual95": "Khoảng rộng hơn (95 %)",
    "above": "cao hơn mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
    "below": "thấp hơn mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
    "above_far": "cao hơn hẳn mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
    "below_far": "thấp hơn hẳn mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
    "inside": "nằm trong mức mà các tỉnh có mức phát triển và quản trị tương tự thường đạt",
    "block": "Nhóm yếu tố",
    "position": "Vị trí (1 = cao nhất)",
    "association": "Giữa các tỉnh",
    "contribution": "Chênh lệch so với điểm thường gặp của tỉnh trung bình (thang 0-1)",
    "higher": ("cao hơn đi kèm điểm cao hơn trong cả {years} năm của mô hình chính; khoảng tin "
               "cậy 95 % không chứa 0 trong {clear}/{years} năm"),
    "lower": ("cao hơn đi kèm điểm thấp hơn trong cả {years} năm của mô hình chính; khoảng tin "
              "cậy 95 % không chứa 0 trong {clear}/{years} năm"),
    "development": "Mức phát triển (thu nhập, đô thị hóa, lao động qua đào tạo, bảo hiểm xã hội)",
    "governance": "Quản trị (PCI)",
    "bench": ("Đối chiếu ngoài mẫu (ước lượng trên {train}, dự báo {year}): chỉ dựa vào thứ hạng "
              "năm trước thì sai lệch trung bình {persistence} bậc, dựa vào các yếu tố nền tảng "
              "thì {fundamentals} bậc."),
    "note": ("Các khoảng được mô phỏng từ điểm của {n} tỉnh theo mức phát triển và quản trị; đây "
             "là mối tương quan giữa các tỉnh, không phải quan hệ nhân quả (phương pháp: xem mục "
             "“Dữ liệu và phương pháp”)."),
    "axis": "thứ hạng (1 = cao nhất)",
    "of": "/",
    "given": ("Với điểm năm {previous_year}, các tỉnh tương tự thường thay đổi từ {low} đến "
              "{high} bậc; thực tế thay đổi {moved} bậc: {verdict}."),
    "given_above": "cao hơn khoảng đó",
    "given_below": "thấp hơn khoảng đó",
    "given_above_far": "cao hơn hẳn khoảng đó",
    "given_below_far": "thấp hơn hẳn khoảng đó",
    "given_inside": "nằm trong khoảng đó",
    "given_edge_above": "ở sát mép trên của khoảng đó",
    "given_edge_below": "ở sát mép dưới của khoảng đó",
    "tail_above": ("Trong các tỉnh tương tự, mức tăng bậc bằng hoặc tốt hơn thế xảy ra khoảng "
                   "{p} % số lần."),
    "tail_below": ("Trong các tỉnh tương tự, mức thay đổi bằng hoặc kém hơn thế xảy ra khoảng "
                   "{p} % số lần."),
    "moved": "Thay đổi so với {previous_year}",
    "usual_move": "Thay đổi thường gặp ở các tỉnh tương tự (80 %)",
    "level": ("Chỉ theo mức phát triển và quản trị, không tính điểm xuất phát: hạng "
              "{low80}–{high80} (80 %), {low95}–{high95} (95 %); thực tế xếp {observed}, "
              "{verdict}."),
    "given_note": ("Thay đổi tính bằng bậc (dương: tăng bậc) trong {n} tỉnh, theo điểm năm "
                   "trước, mức phát triển và quản trị, ước lượng không có {name}."),
    "move_axis": "số bậc thay đổi so với {previous_year} (dương: tăng bậc)",
    "details": "Mức phát triển và quản trị: đối chiếu và các nhóm yếu tố",
    "pillar": "{index}, một trong các chỉ số mà mức phát triển và quản trị, khi kiểm tra "
              "ngoài mẫu, không kém thứ hạng năm trước: các tỉnh tương tự thường xếp hạng "
              "{low80}–{high80}/{n} (80 %); thực tế xếp {observed}, {verdict}.",
    "pillar_inside": "nằm trong khoảng đó", "pillar_above": "cao hơn khoảng đó",
    "pillar_below": "thấp hơn khoảng đó",
    "alt_level": "{name} xếp thứ {observed}/{n}; khoảng 80 %: {low}–{high}; {verdict}.",
}

#: The claims sentence's parts (empty counts are left out).
CLAIMS: dict[str, str] = {
    "lead": "Trong {n} thứ hạng tỉnh công bố, ",
    "none": "không thứ hạng nào đối chiếu được với bảng xếp hạng hiện có.",
    "checked": "{k} thứ hạng đối chiếu được: ",
    "official": "{v} với bảng xếp hạng chính thức của Bộ",
    "derived": "{v} với thứ hạng tính từ điểm số đã công bố",
    "reported": "{v} với báo chí khác",
    "dependent": "{v} chỉ với báo chí của chính tỉnh hoặc cùng nguồn đăng (không độc lập)",
    "result": " Trong {v} thứ hạng đối chiếu độc lập, {m} và {d}.",
    "all_match": " Cả {v} thứ hạng đối chiếu độc lập đều khớp.",
    "all_differ": " Cả {v} thứ hạng đối chiếu độc lập đều không khớp.",
    "one_match": " Thứ hạng duy nhất được đối chiếu độc lập khớp.",
    "one_differ": " Thứ hạng duy nhất được đối chiếu độc lập không khớp.",
    "match": "{n} khớp",
    "differ": "{n} không khớp",
    "no_independent": " Không thứ hạng nào được đối chiếu độc lập.",
}

#: The targets-met sentence.
ATTAINMENT: dict[str, str] = {
    "press": "Báo chí của {place}",
    "plan": "Kế hoạch của {place}",
    "judged": ("{who} nêu {n} chỉ tiêu có số liệu thực hiện bên cạnh mục tiêu, trong đó {m} chỉ "
               "tiêu đạt."),
    "judged_one": ("{who} nêu 1 chỉ tiêu có số liệu thực hiện bên cạnh mục tiêu, chỉ tiêu này "
                   "{met}."),
    "met": "đạt",
    "not_met": "không đạt",
    "none": "không",
    "tally": "{who} ghi {m}/{d} mục tiêu đạt{y}.",
    "year": " (năm {y})",
}

#: The DTI forecast paragraph of a unit ({low80} etc. are ordinals).
FORECAST: dict[str, str] = {
    "lead": ("Dự báo DTI {year}: trong khoảng từ {low80} đến {high80} trên {n} (80 %), "
             "{low95}–{high95} (95 %); lập ngày {made_on} từ phiên bản {commit}; sẽ được đối "
             "chiếu khi có bảng xếp hạng {year}."),
    "honest": ("Đây là khoảng ước tính của mô hình, không phải dự đoán thứ hạng chính xác: mô "
               "phỏng điểm của từng tỉnh trước sáp nhập từ điểm {from_year} của tỉnh đó theo mức "
               "biến động thường thấy, thứ hạng của đơn vị nằm trong khoảng thứ nhất ở 80 % số "
               "lần mô phỏng, trong khoảng thứ hai ở 95 %."),
    "methods": "Các con số này được tính như thế nào",
    "column": "Dự báo {year} (80 %)",
}

# -- English text of the data (the press facts' closed vocabulary, plan indicators), as shown
# on this language's pages.
#: Plan indicators named in English in the raw table.
PLAN_INDICATORS: dict[str, str] = {
    "Digital economy share of GRDP (%)": "Tỷ trọng kinh tế số trong GRDP (%)",
    "E-commerce share of total retail sales (%)":
        "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ (%)",
    "Online public service usage rate by people and enterprises (%)":
        "Tỷ lệ người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến (%)",
    "E-commerce share of total retail (%)": "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ (%)",
    "Villages/hamlets covered by mobile broadband (3G/4G/5G) and fibre (%)":
        "Tỷ lệ thôn, bản được phủ sóng băng rộng di động (3G/4G/5G) và cáp quang (%)",
    "Eligible administrative procedures as full-process online public services (%)":
        "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn "
        "trình (%)",
}
#: The measures helpers.press.concepts names.
PRESS_CONCEPTS: dict[str, str] = {
    "digital economy share of GRDP": "tỷ trọng kinh tế số trong GRDP",
    "digital economy share in each sector": "tỷ trọng kinh tế số trong từng ngành",
    "e-commerce": "thương mại điện tử",
    "labour productivity growth": "tăng năng suất lao động",
    "electronic health records": "hồ sơ sức khỏe điện tử",
    "adults with a smartphone": "người trưởng thành có điện thoại thông minh",
    "digital signatures": "chữ ký số",
    "payment accounts": "tài khoản thanh toán",
    "electronic identification accounts": "tài khoản định danh điện tử",
    "fibre broadband": "băng rộng cáp quang",
    "mobile coverage": "phủ sóng di động",
    "reporting through the provincial system": "báo cáo qua hệ thống của tỉnh",
    "dossiers and procedures handled online": "hồ sơ, thủ tục giải quyết trực tuyến",
    "online public services": "dịch vụ công trực tuyến",
    "community digital teams": "tổ công nghệ số cộng đồng",
    "digital technology firms": "doanh nghiệp công nghệ số",
    "enterprises": "doanh nghiệp",
    "cashless payments": "thanh toán không dùng tiền mặt",
    "surveillance cameras": "camera giám sát",
    "digital transformation": "chuyển đổi số",
    "digitised records": "hồ sơ được số hóa",
    "new records digitised": "hồ sơ mới được số hóa",
    "digitised management data": "dữ liệu quản lý được số hóa",
    "digital transformation units": "đơn vị đầu mối chuyển đổi số",
    "information systems": "hệ thống thông tin chuyên ngành",
    "criteria based on digital data": "tiêu chí đánh giá dựa trên dữ liệu số",
}
#: Fixed press-fact descriptions and the heads of described ones ("target: X (unit)").
PRESS_PHRASES: dict[str, str] = {
    "DTI rank": "Thứ hạng DTI",
    "DTI score": "Điểm DTI",
    "DTI points": "Điểm DTI (thang 1.000)",
    "DTI rank change": "Thay đổi thứ hạng DTI",
    "DTI pillar rank": "Thứ hạng trụ cột DTI",
    "DTI main-indicator rank": "Thứ hạng chỉ số chính DTI",
    "DTI rank target": "Mục tiêu thứ hạng DTI",
    "be among the top N": "nằm trong nhóm N tỉnh dẫn đầu",
    "main indicator": "chỉ số chính",
    "rank in another index than the DTI": "Thứ hạng trong một chỉ số khác DTI",
    "targets met of those set": "Số mục tiêu đạt trên tổng số mục tiêu",
    "share of targets met": "Tỷ lệ mục tiêu hoàn thành",
    "% of target": "% số mục tiêu",
    "target": "Mục tiêu",
    "indicator": "Chỉ tiêu",
    "achieved against target": "Kết quả so với mục tiêu",
    "count": "số lượng",
    "online transactions": "giao dịch trực tuyến",
    "online public": "dịch vụ công trực tuyến",
    "billion VND": "tỷ đồng",
    "million USD": "triệu USD",
}
