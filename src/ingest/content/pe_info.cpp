#include "ingest/content/pe_info.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <optional>

#include "ingest/content/byte_reader.hpp"
#include "ingest/content/entropy.hpp"

namespace ts::ingest::content {
namespace {

using namespace std::string_view_literals;

// Caps on what a hostile header can make us loop over. Windows itself
// refuses more than 96 sections; real import tables stay far below these.
constexpr std::size_t kMaxSections = 96;
constexpr std::size_t kMaxImportDlls = 1024;
constexpr std::size_t kMaxFunctionsPerDll = 8192;
constexpr std::size_t kMaxFunctions = 65536;
constexpr std::size_t kMaxNameLength = 512;

constexpr std::uint16_t kPe32 = 0x10b;
constexpr std::uint16_t kPe32Plus = 0x20b;
constexpr std::uint16_t kDllFlag = 0x2000;
constexpr std::size_t kImportDirectory = 1;

std::string MachineName(std::uint16_t machine) {
  switch (machine) {
    case 0x14c:
      return "i386";
    case 0x8664:
      return "amd64";
    case 0xaa64:
      return "arm64";
    case 0x1c0:
    case 0x1c4:
      return "arm";
    case 0x200:
      return "ia64";
    default: {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%04x", static_cast<unsigned>(machine));
      return hex;
    }
  }
}

std::string SubsystemName(std::uint16_t subsystem) {
  switch (subsystem) {
    case 1:
      return "native";
    case 2:
      return "windows_gui";
    case 3:
      return "windows_cui";
    case 5:
      return "os2_cui";
    case 7:
      return "posix_cui";
    case 9:
      return "windows_ce_gui";
    case 10:
      return "efi_application";
    case 11:
      return "efi_boot_service_driver";
    case 12:
      return "efi_runtime_driver";
    case 13:
      return "efi_rom";
    case 14:
      return "xbox";
    case 16:
      return "windows_boot_application";
    default:
      return "unknown";
  }
}

std::string FormatTimestamp(std::uint32_t seconds) {
  const std::time_t t = seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A NUL-terminated name at `offset`, printable ASCII only; nullopt when it
// runs off the file, is empty or too long.
std::optional<std::string> ReadName(std::string_view data, std::size_t offset) {
  if (offset >= data.size()) return std::nullopt;
  const std::string_view rest = data.substr(offset, kMaxNameLength + 1);
  const auto end = rest.find('\0');
  if (end == 0 || end == std::string_view::npos) return std::nullopt;
  std::string name(rest.substr(0, end));
  for (char& c : name)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return name;
}

class Parser {
 public:
  explicit Parser(std::string_view data) : data_(data) {}

  Result<PeInfo> Parse() {
    if (!data_.starts_with("MZ")) return Fail("no MZ header");
    const auto lfanew = ReadLe<std::uint32_t>(data_, 0x3c);
    if (!lfanew || !HasAt(data_, *lfanew, "PE\0\0"sv)) return Fail("no PE signature");
    const std::size_t coff = std::size_t{*lfanew} + 4;
    const auto machine = ReadLe<std::uint16_t>(data_, coff);
    const auto sections = ReadLe<std::uint16_t>(data_, coff + 2);
    const auto timestamp = ReadLe<std::uint32_t>(data_, coff + 4);
    const auto optional_size = ReadLe<std::uint16_t>(data_, coff + 16);
    const auto characteristics = ReadLe<std::uint16_t>(data_, coff + 18);
    if (!characteristics) return Fail("the COFF header is truncated");
    const std::size_t opt = coff + 20;
    const auto magic = ReadLe<std::uint16_t>(data_, opt);
    if (!magic || (*magic != kPe32 && *magic != kPe32Plus))
      return Fail("the optional header is missing or of unknown kind");
    info_.is_64bit = *magic == kPe32Plus;
    info_.machine = *machine;
    info_.machine_name = MachineName(*machine);
    info_.is_dll = (*characteristics & kDllFlag) != 0;
    info_.timestamp = *timestamp;
    info_.compile_time = FormatTimestamp(*timestamp);

    const auto entry = ReadLe<std::uint32_t>(data_, opt + 16);
    const auto subsystem = ReadLe<std::uint16_t>(data_, opt + 68);
    std::optional<std::uint64_t> image_base;
    if (info_.is_64bit)
      image_base = ReadLe<std::uint64_t>(data_, opt + 24);
    else if (auto base32 = ReadLe<std::uint32_t>(data_, opt + 28))
      image_base = *base32;
    if (!entry || !subsystem || !image_base) return Fail("the optional header is truncated");
    info_.entry_point = *entry;
    info_.subsystem = *subsystem;
    info_.subsystem_name = SubsystemName(*subsystem);
    info_.image_base = *image_base;

    ReadSections(opt + *optional_size, *sections);
    ReadImports(opt, *optional_size);
    return std::move(info_);
  }

 private:
  Error Fail(std::string_view why) const {
    return Error::Invalid("not a PE executable: " + std::string(why), "file");
  }

  void ReadSections(std::size_t table, std::size_t count) {
    if (count > kMaxSections) {
      info_.warnings.push_back("the header declares " + std::to_string(count) +
                               " sections; only the first " + std::to_string(kMaxSections) +
                               " are read");
      count = kMaxSections;
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t at = table + i * 40;
      const auto characteristics = ReadLe<std::uint32_t>(data_, at + 36);
      if (!characteristics) {
        info_.warnings.push_back("the section table is truncated after " + std::to_string(i) +
                                 " sections");
        return;
      }
      PeSection s;
      std::string_view name = data_.substr(at, 8);
      name = name.substr(0, name.find('\0'));
      s.name.assign(name);
      for (char& c : s.name)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
      s.virtual_size = *ReadLe<std::uint32_t>(data_, at + 8);
      s.virtual_address = *ReadLe<std::uint32_t>(data_, at + 12);
      s.raw_size = *ReadLe<std::uint32_t>(data_, at + 16);
      s.raw_offset = *ReadLe<std::uint32_t>(data_, at + 20);
      s.characteristics = *characteristics;
      if (s.raw_offset < data_.size())
        s.entropy = ShannonEntropy(data_.substr(s.raw_offset, s.raw_size));
      info_.sections.push_back(std::move(s));
    }
  }

  // The file offset of a relative virtual address, through the section that
  // maps it (or the headers, which are mapped as they are).
  std::optional<std::size_t> Offset(std::uint64_t rva) const {
    for (const auto& s : info_.sections) {
      const std::uint64_t span = std::max(s.virtual_size, s.raw_size);
      if (rva >= s.virtual_address && rva < std::uint64_t{s.virtual_address} + span) {
        const std::uint64_t delta = rva - s.virtual_address;
        if (delta >= s.raw_size) return std::nullopt;  // in memory only (e.g. .bss)
        const std::uint64_t off = std::uint64_t{s.raw_offset} + delta;
        if (off >= data_.size()) return std::nullopt;
        return static_cast<std::size_t>(off);
      }
    }
    const bool before_sections =
        info_.sections.empty() ||
        std::all_of(info_.sections.begin(), info_.sections.end(),
                    [&](const PeSection& s) { return rva < s.virtual_address; });
    if (before_sections && rva < data_.size()) return static_cast<std::size_t>(rva);
    return std::nullopt;
  }

  void ReadImports(std::size_t opt, std::size_t optional_size) {
    const std::size_t count_at = opt + (info_.is_64bit ? 108 : 92);
    const auto directories = ReadLe<std::uint32_t>(data_, count_at);
    if (!directories || *directories <= kImportDirectory) return;
    const std::size_t dir_at = count_at + 4 + kImportDirectory * 8;
    if (dir_at + 8 > opt + optional_size) return;  // outside the declared header
    const auto rva = ReadLe<std::uint32_t>(data_, dir_at);
    if (!rva || *rva == 0) return;
    const auto table = Offset(*rva);
    if (!table) {
      info_.warnings.push_back("the import table lies outside the file");
      return;
    }
    std::size_t total = 0;
    for (std::size_t i = 0;; ++i) {
      if (i == kMaxImportDlls) {
        info_.warnings.push_back("more than " + std::to_string(kMaxImportDlls) +
                                 " imported DLLs; the rest are not read");
        return;
      }
      const std::size_t at = *table + i * 20;
      const auto original_thunk = ReadLe<std::uint32_t>(data_, at);
      const auto name_rva = ReadLe<std::uint32_t>(data_, at + 12);
      const auto first_thunk = ReadLe<std::uint32_t>(data_, at + 16);
      if (!first_thunk) {
        info_.warnings.push_back("the import table is truncated");
        return;
      }
      if (*original_thunk == 0 && *name_rva == 0 && *first_thunk == 0) return;
      PeImport import;
      const auto name_at = Offset(*name_rva);
      const auto name = name_at ? ReadName(data_, *name_at) : std::nullopt;
      if (!name) {
        info_.warnings.push_back("import " + std::to_string(i) + " has an unreadable DLL name");
        continue;
      }
      import.dll = *name;
      ReadThunks(*original_thunk != 0 ? *original_thunk : *first_thunk, import, total);
      info_.imports.push_back(std::move(import));
      if (total >= kMaxFunctions) {
        info_.warnings.push_back("more than " + std::to_string(kMaxFunctions) +
                                 " imported functions; the rest are not read");
        return;
      }
    }
  }

  void ReadThunks(std::uint32_t thunk_rva, PeImport& import, std::size_t& total) {
    const auto start = Offset(thunk_rva);
    if (!start) {
      info_.warnings.push_back("the functions imported from " + import.dll +
                               " lie outside the file");
      return;
    }
    const std::size_t width = info_.is_64bit ? 8 : 4;
    const std::uint64_t ordinal_flag = info_.is_64bit ? (std::uint64_t{1} << 63) : (1u << 31);
    for (std::size_t i = 0; i < kMaxFunctionsPerDll && total < kMaxFunctions; ++i) {
      const std::size_t at = *start + i * width;
      const std::optional<std::uint64_t> thunk =
          info_.is_64bit ? ReadLe<std::uint64_t>(data_, at)
                         : std::optional<std::uint64_t>(ReadLe<std::uint32_t>(data_, at));
      if (!thunk) {
        info_.warnings.push_back("the functions imported from " + import.dll + " are truncated");
        return;
      }
      if (*thunk == 0) return;
      ++total;
      if (*thunk & ordinal_flag) {
        import.functions.push_back("#" + std::to_string(*thunk & 0xffff));
        continue;
      }
      // IMAGE_IMPORT_BY_NAME: a 16-bit hint, then the name.
      const auto hint_at = Offset(*thunk & 0x7fffffff);
      const auto name = hint_at ? ReadName(data_, *hint_at + 2) : std::nullopt;
      import.functions.push_back(name ? *name : std::string("?"));
    }
  }

  std::string_view data_;
  PeInfo info_;
};

}  // namespace

Result<PeInfo> ParsePe(std::string_view data) {
  return Parser(data).Parse();
}

}  // namespace ts::ingest::content
