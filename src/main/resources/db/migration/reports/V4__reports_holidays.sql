-- Public holidays for the legal clocks: a day or month limit whose last day is a day of rest ends on the next working
-- day (binhyen.reports.rules.day-of-rest-moves; see docs/legal-rules.md). Saturdays and Sundays are days of rest without
-- a row here. The administrator edits this list (/admin/holidays); a change applies to deadlines computed after it.
CREATE TABLE reports.holidays (
    day        DATE        PRIMARY KEY,
    name       TEXT        NOT NULL,
    changed_by BIGINT,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Labour Code 2019 Art. 112: 1 January; Tết (the last day of the lunar year and the first four of the new one); the
-- Hùng Kings' day (10th of the 3rd lunar month); 30 April; 1 May; National Day 2 September and one day beside it (the
-- Prime Minister picks which each year). Holidays on a weekend are made up on the next working day (nghỉ bù). Lunar
-- dates converted for Vietnam (UTC+7). Check each year against the Government's notice and correct it on the admin page.
INSERT INTO reports.holidays (day, name) VALUES
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-16', 'Tết Nguyên đán (29 tháng Chạp)'),
    ('2026-02-17', 'Tết Nguyên đán (mùng 1)'),
    ('2026-02-18', 'Tết Nguyên đán (mùng 2)'),
    ('2026-02-19', 'Tết Nguyên đán (mùng 3)'),
    ('2026-02-20', 'Tết Nguyên đán (mùng 4)'),
    ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 26/4)'),
    ('2026-04-30', 'Ngày Chiến thắng'),
    ('2026-05-01', 'Ngày Quốc tế Lao động'),
    ('2026-09-01', 'Quốc khánh (ngày liền kề)'),
    ('2026-09-02', 'Quốc khánh'),
    ('2027-01-01', 'Tết Dương lịch'),
    ('2027-02-05', 'Tết Nguyên đán (29 tháng Chạp)'),
    ('2027-02-08', 'Tết Nguyên đán (mùng 3)'),
    ('2027-02-09', 'Tết Nguyên đán (mùng 4)'),
    ('2027-02-10', 'Nghỉ bù Tết Nguyên đán (mùng 1 là Thứ Bảy)'),
    ('2027-02-11', 'Nghỉ bù Tết Nguyên đán (mùng 2 là Chủ nhật)'),
    ('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
    ('2027-04-30', 'Ngày Chiến thắng'),
    ('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là Thứ Bảy)'),
    ('2027-09-02', 'Quốc khánh'),
    ('2027-09-03', 'Quốc khánh (ngày liền kề)');
