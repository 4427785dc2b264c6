/**
 * Plan import: reads a communication plan ("Kế hoạch tuyên truyền CCHC") out of a document's text.
 *
 * <h2>Approach</h2>
 * {@link vn.cchc.plan.imports.extract.RulePlanExtractor} is rule-based, in small steps:
 * <ol>
 *   <li><b>Cleaning</b> ({@code TextCleaner}): Markdown / HTML markers removed (bold remembered), Markdown tables turned
 *       into tab-separated rows; tables and the header block laid out with spaces (OCR, PDF text) cut into cells by
 *       the header's columns (cells wrapped over lines rejoined); "Nơi nhận" and signature side by side in a table
 *       turned back into lines; page numbers, rules, scanner stamps and running headers dropped; words hyphenated over
 *       a line break and paragraphs broken over lines or pages joined back (next part in lower case; a parenthesis left
 *       open; a line ending in a comma, preposition or conjunction — "của", "trên", "và"…; or, in hard-wrapped text, a
 *       full line without a sentence end, even before a capital — but never into a "Căn cứ / Thực hiện" paragraph);
 *       lone OCR specks ("~", "'", ".") dropped; a spaced table row with as many cells as the header read cell by
 *       cell even when OCR lost the alignment. Every logical line keeps its source lines.</li>
 *   <li><b>Folding</b> ({@code Fold}): all matching is done on folded text (lower case, no diacritics, đ → d, same
 *       length as the original, so a match cuts the value from the original). Patterns are OCR-tolerant: numbers accept
 *       l / I / | for 1 and O for 0 and are normalised; key words are matched by edit distance where OCR garbles them
 *       ("MUC DICH", "|. ", "Il.", "sé", "nim"); headings also through merged / split words and digits read for
 *       letters ("T0 CHUC THUC H IEN"), document kinds through merged words ("kehoach", "Ke hoạchso"), and a prose
 *       item "I. Phòng …" is a "1." misread, not a section.</li>
 *   <li><b>Layout</b> ({@code DocumentLayout}, {@code Labels}): header, title (after "KẾ HOẠCH"), introduction, the
 *       sections — recognised by their wording, not their numbers (plans number them wrongly) — the closing paragraph,
 *       "Nơi nhận", the signature block and the appendix.</li>
 *   <li><b>Readers</b>, one per part: {@code HeaderReader} (issuing body, number — blank "Số: /KH-UBND" is unsigned →
 *       null —, place and partial date, title, year), {@code LegalBasisReader} (every document in the
 *       "Thực hiện / Căn cứ" paragraphs: kind, number, date, issuer, title), lists (purposes, requirements, audiences,
 *       contents, forms: one item per paragraph, labels removed), {@code Channels}, {@code Themes},
 *       {@code TargetReader} (a number of items with a quantifier or a period), {@code TableReader} with
 *       {@code TaskRows} / {@code ScheduleRows} (header roles in any order, repeated headers and continuation rows,
 *       bold title / details, alternative time frames, "Quy mô"; a programme table whose rows give only a month → tasks
 *       due that month), {@code ProseTasks} (a numbered list under the tasks section with "Đơn vị thực hiện / Chủ trì /
 *       Phối hợp / Thời gian: …" fields → tasks; an item without such a field stays prose), {@code TimeFrames}, {@code VnDates},
 *       {@code ResponsibilityReader} ("Tổ chức thực hiện" per unit), {@code ReportingDutyReader},
 *       {@code ClosingReader} (recipients, signatory).</li>
 *   <li><b>Units</b> ({@code UnitMatcher}, {@code UnitLists}, {@code Findings}): names are matched against the
 *       directory accent- and case-insensitively, through abbreviations (UBND, HĐND, VH-XH, TTPVHCC, MTTQ, VP…),
 *       without the locality suffix, a shortened name that is the leading words of exactly one unit of the issuer's
 *       subtree, a bare "Sở" as the nearest Sở at or above the issuer, with a Levenshtein fallback (Apache Commons Text, similarity ≥ 0.88), preferring the issuing unit's
 *       subtree, then its siblings; a unit of another commune / district only when the name says which; a unit of
 *       another kind named like an area ("Huyện Tư Nghĩa") counts as an area. A group ("Các cơ quan, đơn vị") stays a name; a specific unmatched name of the issuer's own level
 *       stays a name and is proposed (parent = issuing unit, or its parent when the issuer is an office; id = slug); higher bodies (Sở, tỉnh…) are never
 *       proposed. A unit id is never invented.</li>
 * </ol>
 * Every value placed is reported as an {@code ExtractedField} (JSON path, value, source lines, confidence, text);
 * every value left empty, doubtful or unmatched, and every paragraph not placed, as an {@code ImportWarning} in
 * Vietnamese.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>"Quy mô: 02 cuộc" in a task row is a target with period PLAN (a count for the whole plan, not per period),
 *       its kind from the noun ("cuộc đối thoại" → DIALOGUE), channel from the row's title, responsible = the row's
 *       lead; a contest / training / dialogue / conference row with a month or date also becomes a milestone.</li>
 *   <li>"tin/bài" counts as ARTICLE, except on radio / television / loudspeakers where the kind is left open (any).
 *       A target without a period in its sentence gets PLAN with a warning. Scope is SUBTREE, unit = issuing unit;
 *       {@code responsible} is the unit of the "Tổ chức thực hiện" section the sentence sits in.</li>
 *   <li>Plan-level {@code channels} are those named in the forms (hình thức) section.</li>
 *   <li>Contents: every paragraph of the content section(s), numbered sub-headings included, an unlabelled lead-in
 *       ending in ":" excluded. Products are split on ";" and paragraphs only ("tin, bài, ảnh" stays one).</li>
 *   <li>A sub-plan to send "trước ngày …" is a reporting duty with a deadline; "(qua X)" adds X before the recipient
 *       in the chain. "theo quy định" counts as periodic.</li>
 *   <li>No title → null and a warning (never a made-up title); no time for a task → ONGOING and a warning; issuing
 *       unit: the hint, else the directory unit matching the issuing body, the issuer named in the introduction
 *       ("Văn phòng UBND tỉnh xây dựng kế hoạch…", with the place as context) or the place; else null and a warning.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Rules, not a model: a plan laid out in ways not foreseen (sections without numbers and without the usual
 *       wording, targets in tables of their own) loses those parts
 *       to warnings rather than to wrong values — but can still be wrong where wording is ambiguous.</li>
 *   <li>OCR: a table is read when its header row names at least three column roles and its columns stay roughly
 *       aligned (a table whose OCR lost the alignment, or whose header wraps over lines, is not); a paragraph broken
 *       before a capitalised word is rejoined only in hard-wrapped text; words whose letters OCR replaced beyond the edit-distance thresholds
 *       (section headings, unit names) are not recognised. Free text is kept as the document (or OCR) wrote it.</li>
 *   <li>Unit names shared by several communes ("Phòng Văn hóa - Xã hội") need the issuing unit to be known (hint,
 *       header, introduction or place); otherwise they may match another commune's unit.</li>
 *   <li>Milestones: from task rows and from prose (a named day with its dd/mm; a contest / training / dialogue /
 *       conference with a date, month or quarter — a quarter leaves the month blank, with a warning); an event without
 *       any time is not a milestone. A percentage ("100% cán bộ…") is not a target (the model counts items).</li>
 *   <li>Tests: {@code SamplePlansExtractionTest} scores the three sample plans and a synthetic plan, as written,
 *       without diacritics and with seeded OCR noise, against hand-written expected JSON (≥ 90 % per document); {@code UnseenPlansExtractionTest} does the same for plans
 *       written after the extractor (a ward plan, a district agency plan in Markdown and as a raw OCR dump); {@code HeavyOcrExtractionTest} runs every
 *       written plan under a heavier seeded OCR level ({@code OcrNoise.heavy}: partial and wrong diacritics, merged and
 *       split words, rn/m, cl/d, O/0, 1/l/I, specks, breaks before capitals and inside parentheses, hyphenation, page
 *       footers mid-paragraph, table rows as runs of 2–6 spaces) with a floor per document (≥ 80 %).</li>
 * </ul>
 */
package vn.cchc.plan.imports.extract;
