-- 008_senco_hours: a school's SENCO time for the role in hours per week, one rule
-- for every analysis: hours as stated; else days x 6.5 (a school day of 08:45 to
-- 15:15); else a fraction of full time x 32.5 (the directed time of a full-time
-- teacher, 1,265 hours over 39 weeks). Empty when the report gives none of them.

CREATE VIEW school_senco_hours AS
SELECT urn, academic_year,
       coalesce(max(value_num) FILTER (WHERE field = 'senco.hours_per_week'),
                max(value_num) FILTER (WHERE field = 'senco.days_per_week') * 6.5,
                max(value_num) FILTER (WHERE field = 'senco.fte') * 32.5) AS senco_hours_per_week
FROM school_facts
WHERE field IN ('senco.hours_per_week', 'senco.days_per_week', 'senco.fte')
GROUP BY urn, academic_year;
