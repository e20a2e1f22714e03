// Problem descriptions for people reading CLI output and reports.
#include "exchange/import_batch.hpp"

namespace ts::exchange {

std::string DescribeProblem(const Problem& p) {
  std::string where;
  if (!p.object_id.empty()) where = p.object_id;
  if (!p.property.empty()) where += (where.empty() ? "" : " ") + p.property;
  if (p.line > 0) where += (where.empty() ? "line " : " line ") + std::to_string(p.line);
  return where.empty() ? p.message : where + ": " + p.message;
}

}  // namespace ts::exchange
