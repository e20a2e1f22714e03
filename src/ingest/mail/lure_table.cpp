#include "ingest/mail/lure_table.hpp"

namespace ts::ingest::mail {
namespace {

// Words are chosen to name the pretext, not merely to occur in mail of
// that topic: "お問い合わせ" ends every newsletter, "visit" every website
// footer, so neither is listed.
constexpr std::string_view kInterview[] = {"取材",
                                           "インタビュー",
                                           "講演",
                                           "講師",
                                           "登壇",
                                           "執筆依頼",
                                           "寄稿",
                                           "interview",
                                           "lecture",
                                           "guest speaker",
                                           "speaking invitation",
                                           "keynote",
                                           "invited talk",
                                           "request for comment"};
constexpr std::string_view kJobApplication[] = {"履歴書",
                                                "職務経歴書",
                                                "応募",
                                                "エントリーシート",
                                                "求人",
                                                "résumé",
                                                "curriculum vitae",
                                                "job application",
                                                "cover letter",
                                                "my resume",
                                                "applying for the position"};
constexpr std::string_view kInquiry[] = {"製品について",      "商品について", "苦情",
                                         "クレーム",          "不具合",       "お見積",
                                         "見積依頼",          "ご質問",       "product inquiry",
                                         "inquiry about",     "complaint",    "quotation",
                                         "request for quote", "defective"};
constexpr std::string_view kSurvey[] = {"アンケート", "調査票", "意識調査",
                                        "実態調査",   "survey", "questionnaire"};
constexpr std::string_view kInternalDocument[] = {"社内資料",
                                                  "内部資料",
                                                  "会議資料",
                                                  "議事録",
                                                  "社外秘",
                                                  "部外秘",
                                                  "取扱注意",
                                                  "内部文書",
                                                  "internal document",
                                                  "meeting minutes",
                                                  "meeting materials",
                                                  "internal use only",
                                                  "confidential"};
constexpr std::string_view kVipVisit[] = {
    "ご来訪",         "来日",       "視察",       "表敬訪問", "大臣",        "大使",
    "official visit", "delegation", "ambassador", "minister", "state visit", "courtesy call"};
constexpr std::string_view kPublicNotice[] = {
    "厚生労働省", "総務省",      "内閣府",
    "内閣官房",   "警察庁",      "年金機構",
    "国税庁",     "経済産業省",  "官公庁",
    "通達",       "ministry of", "government notice",
    "tax agency", "tax office",  "national police agency"};
constexpr std::string_view kSecurityAlert[] = {
    "脆弱性",           "注意喚起",        "セキュリティ警告",
    "セキュリティ対策", "不正アクセス",    "サイバー攻撃",
    "ウイルス対策",     "security alert",  "security advisory",
    "vulnerability",    "security update", "unauthorized access",
    "malware"};
constexpr std::string_view kDisasterAlert[] = {
    "感染",       "新型コロナ", "インフルエンザ", "地震",     "台風",      "災害",        "津波",
    "避難",       "放射線",     "infection",      "outbreak", "pandemic",  "coronavirus", "covid",
    "earthquake", "typhoon",    "disaster",       "tsunami",  "evacuation"};
constexpr std::string_view kPersonnelNotice[] = {
    "人事異動", "人事",      "給与",          "賞与",
    "福利厚生", "年末調整",  "規程改定",      "規定改定",
    "方針変更", "personnel", "reassignment",  "salary",
    "bonus",    "payroll",   "policy update", "benefits enrollment"};
constexpr std::string_view kResend[] = {
    "再送",   "再送付",    "再度お送り", "差し替え",          "訂正版",
    "resend", "resending", "re-sent",    "corrected version", "sending again"};
constexpr std::string_view kInvoiceDelivery[] = {
    "請求書",          "納品書", "お支払",  "振込",       "入金",        "不在通知", "配達",
    "お届け",          "発送",   "invoice", "remittance", "payment due", "delivery", "shipment",
    "tracking number", "parcel"};
constexpr std::string_view kAccountWarning[] = {
    "アカウント", "パスワード",     "メールボックス", "容量",     "ログイン",
    "有効期限",   "アカウント停止", "account",        "password", "mailbox",
    "quota",      "verify your",    "suspended",      "sign in"};

constexpr LureFamily kFamilies[] = {
    {"interview", "an interview or lecture request", "取材・講演依頼", kInterview},
    {"job_application", "a job application or résumé", "求人応募・履歴書", kJobApplication},
    {"inquiry", "a product inquiry or complaint", "製品問い合わせ・苦情", kInquiry},
    {"survey", "a survey", "アンケート", kSurvey},
    {"internal_document", "an internal document", "内部資料", kInternalDocument},
    {"vip_visit", "a VIP visit", "要人訪問", kVipVisit},
    {"public_notice", "a public-body notice", "公的機関からの通知", kPublicNotice},
    {"security_alert", "a security alert", "セキュリティ警告", kSecurityAlert},
    {"disaster_alert", "an infection or disaster alert", "感染症・災害情報", kDisasterAlert},
    {"personnel_notice", "a personnel or policy notice", "人事・規程の通知", kPersonnelNotice},
    {"resend", "a resent message", "再送", kResend},
    {"invoice_delivery", "an invoice or delivery notice", "請求・配送通知", kInvoiceDelivery},
    {"account_warning", "an account or mailbox warning", "アカウント・メールボックス警告",
     kAccountWarning},
};

}  // namespace

std::span<const LureFamily> LureFamilies() {
  return kFamilies;
}

}  // namespace ts::ingest::mail
