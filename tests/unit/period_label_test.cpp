// Periods of the follow-up report: Japanese fiscal years start on 1 April,
// and the boundaries are taken in Japan Standard Time.
#include <gtest/gtest.h>

#include "catalog/follow_up.hpp"

namespace ts::catalog {
namespace {

TEST(PeriodLabel, FiscalBoundariesInJst) {
  // 2026-03-31 23:59 JST is still fiscal 2025; one minute later is 2026.
  EXPECT_EQ(PeriodLabel(Period::kFiscalYear, "2026-03-31T14:59:00Z"), "FY2025");
  EXPECT_EQ(PeriodLabel(Period::kFiscalYear, "2026-03-31T15:00:00Z"), "FY2026");
  EXPECT_EQ(PeriodLabel(Period::kFiscalHalf, "2026-09-30T14:59:59Z"), "FY2026-H1");
  EXPECT_EQ(PeriodLabel(Period::kFiscalHalf, "2026-09-30T15:00:00Z"), "FY2026-H2");
  EXPECT_EQ(PeriodLabel(Period::kFiscalHalf, "2027-02-10T00:00:00Z"), "FY2026-H2");
  EXPECT_EQ(PeriodLabel(Period::kMonth, "2026-11-30T16:00:00Z"), "2026-12");
  EXPECT_EQ(PeriodLabel(Period::kQuarter, "2026-06-30T15:00:00Z"), "2026-Q3");
  EXPECT_EQ(PeriodLabel(Period::kMonth, "not a time"), "");
}

TEST(PeriodLabel, Names) {
  EXPECT_EQ(ParsePeriod("half"), Period::kFiscalHalf);
  EXPECT_EQ(ParsePeriod("fiscal-year"), Period::kFiscalYear);
  EXPECT_FALSE(ParsePeriod("year").has_value());
}

}  // namespace
}  // namespace ts::catalog
