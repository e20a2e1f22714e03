// Room for the big tables of a hunt (a million indicators fill hundreds of
// megabytes) in 2 MB pages where the kernel allows them on request
// (transparent huge pages in "madvise" mode): with 4 KB pages, half of the
// loading time is the kernel handing out and zeroing fresh pages one fault
// at a time. Advice only: without huge pages everything works the same.
#pragma once

#include <cstddef>
#include <vector>

namespace ts::hunt {

// Asks for huge pages for the whole pages inside [data, data + bytes);
// does nothing for regions too small to hold one.
void AdviseHugePages(const void* data, std::size_t bytes);

// v.reserve(n), with the new room advised before anything touches it.
template <typename T>
void ReserveHuge(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  AdviseHugePages(v.data() + v.size(), (v.capacity() - v.size()) * sizeof(T));
}

// v.assign(n, value) into freshly advised room.
template <typename T>
void AssignHuge(std::vector<T>& v, std::size_t n, const T& value) {
  v = {};
  ReserveHuge(v, n);
  v.assign(n, value);
}

}  // namespace ts::hunt
