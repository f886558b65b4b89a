<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ApprovalQueueScreen</name>
    <message>
        <source>Approval queue</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <source>Step 3: read and compare, then approve to publish. Select several items (Ctrl or Shift + click) to approve them together.</source>
        <translation>Bước 3: đọc, so sánh rồi duyệt để đăng. Chọn nhiều tin (Ctrl hoặc Shift + nhấp) để duyệt cùng lúc.</translation>
    </message>
    <message numerus="yes">
        <source>Approve selected (%n)</source>
        <translation>
            <numerusform>Duyệt các tin đã chọn (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve and publish %n item(s)? They will appear on the portal:</source>
        <translation>
            <numerusform>Duyệt đăng %n tin? Các tin này sẽ xuất hiện trên cổng thông tin:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n tin khác</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve items</source>
        <translation>Duyệt tin</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) approved.</source>
        <translation>
            <numerusform>Đã duyệt %n tin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped: you cannot approve them (for example, you edited them yourself).</source>
        <translation>
            <numerusform>Bỏ qua %n tin: bạn không duyệt được (ví dụ: chính bạn đã biên tập tin đó).</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve the selected items</source>
        <translation>Duyệt các tin đã chọn</translation>
    </message>
</context>
<context>
    <name>BodyTools</name>
    <message>
        <source>(no suggestions)</source>
        <translation>(không có gợi ý)</translation>
    </message>
    <message>
        <source>Add “%1” to my dictionary</source>
        <translation>Thêm “%1” vào từ điển của tôi</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Picture description (for screen readers)…</source>
        <translation>Mô tả ảnh (cho người khiếm thị)…</translation>
    </message>
    <message>
        <source>Caption under the picture…</source>
        <translation>Chú thích dưới ảnh…</translation>
    </message>
    <message>
        <source>Picture description</source>
        <translation>Mô tả ảnh</translation>
    </message>
    <message>
        <source>What the picture shows, for people who cannot see it:</source>
        <translation>Ảnh thể hiện gì, cho người không nhìn thấy ảnh:</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <source>Caption shown under the picture:</source>
        <translation>Chú thích hiện dưới ảnh:</translation>
    </message>
    <message>
        <source>Insert a picture</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <source>Open Word file</source>
        <translation>Mở tệp Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>Mật khẩu &amp;hiện tại</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Mật khẩu &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>What the new password still needs</source>
        <translation>Những điều mật khẩu mới còn thiếu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Mật khẩu mới phải khác mật khẩu hiện tại.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu mới không giống nhau.</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Conflicts</source>
        <extracomment>An item&apos;s conflicts are all resolved: the person goes back to it (issue 17). The item the person came from (its page&apos;s &quot;Resolve the conflict&quot;), or &quot;&quot;.</extracomment>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>%n to resolve</source>
        <translation>%n cần giải quyết</translation>
    </message>
    <message>
        <source>%1 (fields: %2)</source>
        <translation>%1 (trường: %2)</translation>
    </message>
    <message>
        <source>Someone else changed the same text while you worked. Nothing has been thrown away: choose which version to keep, or edit a merge of both.</source>
        <translation>Trong lúc bạn làm việc, người khác đã sửa cùng đoạn nội dung. Không có gì bị mất: hãy chọn giữ bản nào, hoặc tự gộp hai bản.</translation>
    </message>
    <message>
        <source>My version (differences in red)</source>
        <translation>Bản của tôi (chỗ khác tô đỏ)</translation>
    </message>
    <message>
        <source>Their version on the portal (differences in green)</source>
        <translation>Bản trên cổng thông tin (chỗ khác tô xanh)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Giữ bản của tôi</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Giữ bản trên cổng</translation>
    </message>
    <message>
        <source>Edit a merge…</source>
        <translation>Tự gộp hai bản…</translation>
    </message>
    <message>
        <source>My version</source>
        <translation>Bản của tôi</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Bản trên cổng</translation>
    </message>
</context>
<context>
    <name>ContentRulesBar</name>
    <message>
        <source>Comments closed on %1</source>
        <translation>Đã hết hạn góp ý (%1)</translation>
    </message>
    <message>
        <source>Comments until %1</source>
        <translation>Hạn góp ý: %1</translation>
    </message>
    <message>
        <source>Translations:</source>
        <translation>Bản dịch:</translation>
    </message>
    <message>
        <source>Choose a language other than the item&apos;s own.</source>
        <translation>Hãy chọn một ngôn ngữ khác ngôn ngữ của tin.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất tệp</translation>
    </message>
    <message>
        <source>Language of the translation</source>
        <translation>Ngôn ngữ của bản dịch</translation>
    </message>
    <message>
        <source>Create a translation</source>
        <translation>Tạo bản dịch</translation>
    </message>
    <message>
        <source>Print, export</source>
        <translation>In, xuất tệp</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu thành tệp PDF…</translation>
    </message>
    <message>
        <source>Save as a web page (HTML)…</source>
        <translation>Lưu thành trang web (HTML)…</translation>
    </message>
    <message>
        <source>Save as plain text (Markdown)…</source>
        <translation>Lưu thành văn bản thuần (Markdown)…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Comment</source>
        <translation>Ý kiến</translation>
    </message>
</context>
<context>
    <name>EditQueueScreen</name>
    <message>
        <source>Edit queue</source>
        <translation>Chờ biên tập</translation>
    </message>
    <message>
        <source>Step 2: open an item, edit it, then forward it for approval or return it to its author with a comment.</source>
        <translation>Bước 2: mở tin, biên tập, rồi chuyển duyệt hoặc trả lại người viết kèm ý kiến.</translation>
    </message>
</context>
<context>
    <name>FileDrop</name>
    <message>
        <source>%1: new draft</source>
        <translation>%1: bản nháp mới</translation>
    </message>
    <message>
        <source>%1: not imported: %2</source>
        <translation>%1: không nhập được: %2</translation>
    </message>
    <message>
        <source>%1: skipped (not .md or .docx)</source>
        <translation>%1: bỏ qua (không phải .md hay .docx)</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Nhập tệp</translation>
    </message>
</context>
<context>
    <name>FormatToolbar</name>
    <message>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Address of the link (https://…):</source>
        <translation>Địa chỉ liên kết (https://…):</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Văn bản thường</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Đề mục 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Đề mục 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Đề mục 3</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>Kiểu đoạn văn</translation>
    </message>
    <message>
        <source>B</source>
        <translation>Đ</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Đậm (Ctrl+B)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Italic (Ctrl+I)</source>
        <translation>Nghiêng (Ctrl+I)</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Đề mục</translation>
    </message>
    <message>
        <source>Make the paragraph a heading</source>
        <translation>Biến đoạn thành đề mục</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Danh sách</translation>
    </message>
    <message>
        <source>Bulleted list (Tab indents an item)</source>
        <translation>Danh sách gạch đầu dòng (Tab để lùi vào một mục)</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Đánh số</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <source>Make the paragraphs a quotation</source>
        <translation>Biến các đoạn thành trích dẫn</translation>
    </message>
    <message>
        <source>Insert a link (Ctrl+K)</source>
        <translation>Chèn liên kết (Ctrl+K)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Insert a picture from a file</source>
        <translation>Chèn ảnh từ tệp</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Insert a table; the arrow adds or removes rows and columns</source>
        <translation>Chèn bảng; mũi tên bên cạnh để thêm, bớt hàng và cột</translation>
    </message>
    <message>
        <source>Open Word file…</source>
        <translation>Mở tệp Word…</translation>
    </message>
    <message>
        <source>Bring in a .docx file: its text, formatting and pictures</source>
        <translation>Đưa vào một tệp .docx: nội dung, định dạng và ảnh</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Show the page as the portal will show it</source>
        <translation>Xem tin như cổng thông tin sẽ hiển thị</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Chính tả</translation>
    </message>
    <message>
        <source>Underline misspelt Vietnamese words</source>
        <translation>Gạch chân từ tiếng Việt viết sai chính tả</translation>
    </message>
    <message>
        <source>Insert a table</source>
        <translation>Chèn bảng</translation>
    </message>
    <message>
        <source>Add a row above</source>
        <translation>Thêm hàng phía trên</translation>
    </message>
    <message>
        <source>Add a row below</source>
        <translation>Thêm hàng phía dưới</translation>
    </message>
    <message>
        <source>Add a column to the left</source>
        <translation>Thêm cột bên trái</translation>
    </message>
    <message>
        <source>Add a column to the right</source>
        <translation>Thêm cột bên phải</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Xóa hàng</translation>
    </message>
    <message>
        <source>Remove the column</source>
        <translation>Xóa cột</translation>
    </message>
    <message>
        <source>Remove the table</source>
        <translation>Xóa bảng</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Định dạng</translation>
    </message>
</context>
<context>
    <name>GrantsScreen</name>
    <message>
        <source>Grants</source>
        <translation>Phân công, ủy quyền</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>Tất cả chuyên mục</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Đã thu hồi %1</translation>
    </message>
    <message>
        <source>Editing (step 2)</source>
        <translation>Biên tập tin (bước 2)</translation>
    </message>
    <message>
        <source>Approval (step 3)</source>
        <translation>Duyệt tin (bước 3)</translation>
    </message>
    <message>
        <source>Choose the person who receives the right.</source>
        <translation>Hãy chọn người được giao quyền.</translation>
    </message>
    <message>
        <source>Write the dates as dd/mm/yyyy.</source>
        <translation>Hãy nhập ngày theo dạng ngày/tháng/năm (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>The end of the period must come after its start.</source>
        <translation>Ngày kết thúc phải sau ngày bắt đầu.</translation>
    </message>
    <message>
        <source>Choose at least one section, or all sections.</source>
        <translation>Hãy chọn ít nhất một chuyên mục, hoặc tất cả chuyên mục.</translation>
    </message>
    <message>
        <source>Write the number of the assignment decision.</source>
        <translation>Hãy ghi số quyết định phân công.</translation>
    </message>
    <message>
        <source>The right was given.</source>
        <translation>Đã giao quyền.</translation>
    </message>
    <message>
        <source>Choose a grant in the list first.</source>
        <translation>Hãy chọn một quyền trong danh sách trước.</translation>
    </message>
    <message>
        <source>This grant is already revoked.</source>
        <translation>Quyền này đã được thu hồi.</translation>
    </message>
    <message>
        <source>Revoke the right of %1 from now on?</source>
        <translation>Thu hồi quyền của %1 kể từ bây giờ?</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <source>The right was revoked.</source>
        <translation>Đã thu hồi quyền.</translation>
    </message>
    <message>
        <source>The head gives editing and approval rights; the deputy gives editing rights. A right covers some sections (or all) for a period and cites the decision. Changes need the portal: they are not possible offline.</source>
        <translation>Trưởng ban giao quyền biên tập và quyền duyệt; Phó Trưởng ban giao quyền biên tập. Mỗi quyền áp dụng cho một số chuyên mục (hoặc tất cả) trong một thời hạn và ghi rõ quyết định. Thay đổi cần kết nối cổng thông tin: không thực hiện được khi ngoại tuyến.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người được giao</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <source>Revoke the chosen grant…</source>
        <translation>Thu hồi quyền đã chọn…</translation>
    </message>
    <message>
        <source>Give a right</source>
        <translation>Giao quyền</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Người được giao</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>&amp;Bước</translation>
    </message>
    <message>
        <source>Se&amp;ctions</source>
        <translation>&amp;Chuyên mục</translation>
    </message>
    <message>
        <source>Period (from, until)</source>
        <translation>Thời hạn (từ ngày, đến ngày)</translation>
    </message>
    <message>
        <source>&amp;Decision (required)</source>
        <translation>&amp;Quyết định (bắt buộc)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Có hiệu lực từ</translation>
    </message>
    <message>
        <source>Valid until (empty: no end)</source>
        <translation>Hết hiệu lực (để trống: không thời hạn)</translation>
    </message>
    <message>
        <source>Number of the assignment decision</source>
        <translation>Số quyết định phân công</translation>
    </message>
    <message>
        <source>Give the right</source>
        <translation>Giao quyền</translation>
    </message>
</context>
<context>
    <name>HeadNoticesBar</name>
    <message>
        <source>Yearly report</source>
        <translation>Báo cáo năm</translation>
    </message>
    <message>
        <source>Sections not updated for too long</source>
        <translation>Chuyên mục lâu chưa cập nhật</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Nhắc việc</translation>
    </message>
</context>
<context>
    <name>HistoryRestore</name>
    <message>
        <source>Restore this version</source>
        <translation>Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>Its content becomes the current text, as a new version; nothing is erased.</source>
        <translation>Nội dung của phiên bản này trở thành nội dung hiện tại, thành một phiên bản mới; không xóa gì.</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>Khôi phục phiên bản</translation>
    </message>
    <message>
        <source>The content of version %1 becomes the current text (a new version). Restore it?</source>
        <translation>Nội dung phiên bản %1 sẽ trở thành nội dung hiện tại (một phiên bản mới). Khôi phục?</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Suggested: %1 (from the section&apos;s fields)</source>
        <extracomment>Section id → its template (set by the item page from the store; issue 20). The body&apos;s Markdown as last loaded or written (None: the document changed since).</extracomment>
        <translation>Gợi ý: %1 (theo thông tin chuyên mục)</translation>
    </message>
    <message>
        <source>Cannot be submitted yet:</source>
        <translation>Chưa gửi được:</translation>
    </message>
    <message>
        <source>Ready to submit.</source>
        <translation>Đủ thông tin để gửi biên tập.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>&amp;Sapo</translation>
    </message>
    <message>
        <source>&amp;Category, language</source>
        <translation>&amp;Chuyên mục, ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Origin, author</source>
        <translation>&amp;Loại tin, tác giả</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>&amp;Nguồn tin</translation>
    </message>
    <message>
        <source>A short, clear headline</source>
        <translation>Tiêu đề ngắn gọn, rõ ràng</translation>
    </message>
    <message>
        <source>One or two sentences that sum up the item</source>
        <translation>Một hai câu tóm tắt nội dung tin</translation>
    </message>
    <message>
        <source>Write the item here. Use the buttons above for bold, headings, lists, links, images and tables.</source>
        <translation>Viết nội dung tin ở đây. Dùng các nút phía trên để in đậm, đặt đề mục, liệt kê, chèn liên kết, ảnh và bảng.</translation>
    </message>
    <message>
        <source>Read only: this item cannot be changed by you at this step.</source>
        <translation>Chỉ xem: ở bước này bạn không sửa được tin.</translation>
    </message>
    <message>
        <source>Source name (required for a repost)</source>
        <translation>Tên nguồn (bắt buộc với tin đăng lại)</translation>
    </message>
    <message>
        <source>Source address: https://…</source>
        <translation>Địa chỉ nguồn: https://…</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Preview: as the portal will show it</source>
        <translation>Xem trước: như trên cổng thông tin</translation>
    </message>
    <message>
        <source>Section details</source>
        <translation>Thông tin chuyên mục</translation>
    </message>
    <message>
        <source>Providing &amp;unit</source>
        <translation>Đơn vị &amp;cung cấp</translation>
    </message>
    <message>
        <source>Deadline counts &amp;from</source>
        <translation>Hạn tính &amp;từ ngày</translation>
    </message>
    <message>
        <source>On the public pages</source>
        <translation>Thời gian đăng trên cổng</translation>
    </message>
    <message>
        <source>Providing unit</source>
        <translation>Đơn vị cung cấp</translation>
    </message>
    <message>
        <source>Deadline counts from</source>
        <translation>Hạn tính từ ngày</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Loại tin</translation>
    </message>
    <message>
        <source>Source name</source>
        <translation>Tên nguồn</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>Địa chỉ nguồn</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <source>(untitled)</source>
        <extracomment>The action Ctrl+Enter does, in order of preference. A draft made with &quot;New item&quot; and not touched yet: dropped when left (issue 17). The last write started here (an action, a file), for whoever waits on it.</extracomment>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>View on the portal</source>
        <translation>Xem trên cổng</translation>
    </message>
    <message>
        <source>The portal refused a change: %1 Your text is kept.</source>
        <translation>Cổng thông tin không nhận một thay đổi: %1 Nội dung của bạn vẫn được giữ.</translation>
    </message>
    <message>
        <source>Nothing to compare yet: the item has not been submitted.</source>
        <translation>Chưa có gì để so sánh: tin chưa được gửi biên tập.</translation>
    </message>
    <message>
        <source>The submitted version is not on this computer yet; it arrives with the next sync.</source>
        <translation>Bản đã gửi chưa có trên máy này; bản đó sẽ về trong lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Changes since the author handed it over (version %1): added words in green, removed words struck through in red.</source>
        <translation>Thay đổi so với bản tác giả gửi (bản %1): chữ thêm tô xanh, chữ bỏ gạch ngang màu đỏ.</translation>
    </message>
    <message>
        <source>%1 (on behalf of %2)</source>
        <translation>%1 (thay mặt %2)</translation>
    </message>
    <message>
        <source>Approve and publish “%1”? It will appear on the portal&apos;s public site.</source>
        <translation>Duyệt đăng “%1”? Tin sẽ xuất hiện trên trang công khai của cổng thông tin.</translation>
    </message>
    <message>
        <source>Write the reason. The author and the board will see it.</source>
        <translation>Ghi rõ lý do. Người viết và Ban Biên tập sẽ thấy ý kiến này.</translation>
    </message>
    <message>
        <source>This action is not possible now.</source>
        <translation>Lúc này không thực hiện được thao tác này.</translation>
    </message>
    <message>
        <source>Done: %1. It will be sent to the portal with the next sync.</source>
        <translation>Đã ghi nhận: %1. Thao tác sẽ được gửi lên cổng trong lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? It has never been submitted; it is deleted for good.</source>
        <translation>Xóa bản nháp “%1”? Bản nháp chưa từng được gửi; xóa là mất hẳn.</translation>
    </message>
    <message>
        <source>Draft deleted: %1</source>
        <translation>Đã xóa bản nháp: %1</translation>
    </message>
    <message>
        <source>Someone else changed the same text. Both versions are kept: choose what to keep.</source>
        <translation>Người khác đã sửa cùng đoạn văn bản. Cả hai bản đều được giữ: hãy chọn bản giữ lại.</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Giải quyết xung đột</translation>
    </message>
    <message>
        <source>Returned by %1 on %2.</source>
        <translation>%1 trả lại ngày %2.</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>Đã hiểu</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Quay lại danh sách</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Trao đổi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Write a comment for the board…</source>
        <translation>Viết ý kiến gửi Ban Biên tập…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Ý kiến mới</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Gửi ý kiến</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo tin</translation>
    </message>
    <message>
        <source>Changed the content</source>
        <translation>Sửa nội dung</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Waiting for editing</source>
        <translation>Chờ biên tập</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Taken down</source>
        <translation>Đã gỡ bỏ</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Submit for editing</source>
        <translation>Gửi biên tập</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <source>Forward for approval</source>
        <translation>Chuyển duyệt</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Approve and publish</source>
        <translation>Duyệt đăng</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Take down</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa bản nháp</translation>
    </message>
    <message>
        <source>1 Write</source>
        <translation>1 Cập nhật tin</translation>
    </message>
    <message>
        <source>2 Edit</source>
        <translation>2 Biên tập tin</translation>
    </message>
    <message>
        <source>3 Approve</source>
        <translation>3 Duyệt tin</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Saved on this computer</source>
        <translation>Đã lưu trên máy này</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Đang chờ đồng bộ</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Đã đồng bộ</translation>
    </message>
    <message>
        <source>Conflict: choose a version</source>
        <translation>Xung đột: cần chọn bản</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Đồng bộ không thành công</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Trưởng ban</translation>
    </message>
    <message>
        <source>Deputy head</source>
        <translation>Phó trưởng ban</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Tin tự viết</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>Tin đăng lại</translation>
    </message>
    <message>
        <source>Next: the author submits it</source>
        <translation>Tiếp theo: người viết gửi biên tập</translation>
    </message>
    <message>
        <source>Next: a deputy head edits and forwards it</source>
        <translation>Tiếp theo: Phó trưởng ban biên tập và chuyển duyệt</translation>
    </message>
    <message>
        <source>Next: the head approves it</source>
        <translation>Tiếp theo: Trưởng ban duyệt đăng</translation>
    </message>
    <message>
        <source>On the portal</source>
        <translation>Đang đăng trên cổng</translation>
    </message>
    <message>
        <source>Stopped: rejected</source>
        <translation>Dừng: bị từ chối</translation>
    </message>
    <message>
        <source>Stopped: taken down</source>
        <translation>Dừng: đã gỡ bỏ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Loại tin</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>The editorial desk is locked</source>
        <extracomment>Input that counts as the person being there.</extracomment>
        <translation>Bàn biên tập đang khóa</translation>
    </message>
    <message>
        <source>Enter your password to go on working.</source>
        <translation>Nhập mật khẩu để làm việc tiếp.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Mật khẩu không đúng.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Conflict resolved; your choice is sent to the portal with the next sync.</source>
        <extracomment>The last background write started here (a new draft), for whoever waits on it.</extracomment>
        <translation>Đã giải quyết xung đột; lựa chọn của bạn được gửi lên cổng ở lần đồng bộ tới.</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) waiting</source>
        <translation>
            <numerusform>%n thao tác chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Không có gì chờ gửi</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Đồng bộ lúc %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>New in your queue: %1</source>
        <translation>Tin mới chờ bạn xử lý: %1</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Đã đăng: %1</translation>
    </message>
    <message>
        <source>Returned to you: %1</source>
        <translation>Bị trả lại: %1</translation>
    </message>
    <message>
        <source>Editorial desk</source>
        <translation>Bàn biên tập</translation>
    </message>
    <message>
        <source>Due %1: %2</source>
        <translation>Đến hạn %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editorial desk&lt;/b&gt; %1&lt;br&gt;The three-step editorial process of the provincial regulations (BD-22): create, edit, approve.&lt;br&gt;Your drafts and settings stay in your user folder, outside the install folder.</source>
        <translation>&lt;b&gt;Bàn biên tập&lt;/b&gt; %1&lt;br&gt;Quy trình ba bước theo quy chế của tỉnh (BD-22): cập nhật tin, biên tập tin, duyệt tin.&lt;br&gt;Bản nháp và thiết lập của bạn nằm trong thư mục người dùng, ngoài thư mục cài đặt.</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>Cổng thông tin: %1</translation>
    </message>
    <message>
        <source>About Editorial desk</source>
        <translation>Giới thiệu Bàn biên tập</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Tin mới</translation>
    </message>
    <message>
        <source>New item (Ctrl+N)</source>
        <translation>Tin mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Đồng bộ ngay (F5)</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Các màn hình</translation>
    </message>
    <message>
        <source>Switch demo account</source>
        <translation>Đổi tài khoản trình diễn</translation>
    </message>
    <message>
        <source>Demo account:</source>
        <translation>Tài khoản trình diễn:</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Đang đồng bộ</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Edit a merge</source>
        <translation>Tự gộp hai bản</translation>
    </message>
</context>
<context>
    <name>MyItemsScreen</name>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? It has never been submitted; it is deleted for good.</source>
        <translation>Xóa bản nháp “%1”? Bản nháp chưa từng được gửi; xóa là mất hẳn.</translation>
    </message>
    <message>
        <source>My items</source>
        <translation>Tin của tôi</translation>
    </message>
    <message>
        <source>Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts.</source>
        <translation>Bước 1: viết tin rồi gửi biên tập. Tin bị trả lại sẽ về đây dưới dạng bản nháp.</translation>
    </message>
    <message>
        <source>%n draft(s)</source>
        <translation>%n bản nháp</translation>
    </message>
    <message>
        <source>All my items</source>
        <translation>Tất cả tin của tôi</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <source>New item (Ctrl+N)</source>
        <translation>Tin mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Tin mới</translation>
    </message>
</context>
<context>
    <name>PasswordFlow</name>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Đổi mật khẩu…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>About (F1)</source>
        <translation>Giới thiệu (F1)</translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation>Đổi hồ sơ</translation>
    </message>
    <message>
        <source>Add portal or account…</source>
        <translation>Thêm cổng hoặc tài khoản…</translation>
    </message>
    <message>
        <source>Change password now</source>
        <translation>Đổi mật khẩu ngay</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Your password was reset: change it before going on.</source>
        <translation>Mật khẩu vừa được quản trị đặt lại: hãy đổi mật khẩu trước khi làm việc tiếp.</translation>
    </message>
    <message>
        <source>Your password has expired: change it before going on.</source>
        <translation>Mật khẩu đã quá hạn sử dụng: hãy đổi mật khẩu trước khi làm việc tiếp.</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s): please change it.</source>
        <translation>
            <numerusform>Mật khẩu sẽ hết hạn sau %n ngày: hãy đổi mật khẩu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
</context>
<context>
    <name>PasteConversion</name>
    <message>
        <source>The pasted text may be in an old Vietnamese encoding (TCVN3 or VNI). How should it be read?</source>
        <extracomment>(watched object, its field): a text edit&apos;s context menu event goes to its viewport</extracomment>
        <translation>Đoạn vừa dán có thể là văn bản mã cũ (TCVN3 hoặc VNI). Đọc theo mã nào?</translation>
    </message>
    <message numerus="yes">
        <source>Converted %n word(s) from %1 to Unicode.</source>
        <translation>
            <numerusform>Đã chuyển %n từ từ mã %1 sang Unicode.</numerusform>
        </translation>
    </message>
    <message>
        <source>Convert as TCVN3</source>
        <translation>Chuyển theo TCVN3</translation>
    </message>
    <message>
        <source>Convert as VNI</source>
        <translation>Chuyển theo VNI</translation>
    </message>
    <message>
        <source>Keep as is</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Put back the text as it was pasted</source>
        <translation>Trả lại đoạn văn bản như lúc dán</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Pasted text conversion</source>
        <translation>Chuyển mã văn bản dán</translation>
    </message>
</context>
<context>
    <name>PublicLinks</name>
    <message>
        <source>Public on:</source>
        <translation>Đã đăng công khai tại:</translation>
    </message>
    <message>
        <source>Public addresses</source>
        <translation>Địa chỉ công khai</translation>
    </message>
</context>
<context>
    <name>PublishQueueScreen</name>
    <message>
        <source>Publish queue</source>
        <translation>Hàng đợi đăng tin</translation>
    </message>
    <message>
        <source>%n failed</source>
        <translation>%n lỗi</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Taken down</source>
        <translation>Đã gỡ</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>Double-click to open the item</source>
        <translation>Nháy đúp để mở tin</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Không rõ lý do</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) will be tried again now.</source>
        <translation>
            <numerusform>Sẽ thử lại %n việc đăng ngay bây giờ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved items go to the agency&apos;s other sites after each sync. A failed one shows the reason; select it and press Retry.</source>
        <translation>Tin đã duyệt được đăng sang các trang khác của cơ quan sau mỗi lần đồng bộ. Việc đăng bị lỗi có ghi lý do; chọn rồi bấm Thử lại.</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Try the selected jobs again now</source>
        <translation>Thử lại ngay các việc đăng đã chọn</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tin</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Link or reason</source>
        <translation>Đường dẫn hoặc lý do</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần thử</translation>
    </message>
    <message>
        <source>Publish jobs</source>
        <translation>Các việc đăng tin</translation>
    </message>
    <message>
        <source>Nothing to publish right now.</source>
        <translation>Hiện không có gì cần đăng.</translation>
    </message>
</context>
<context>
    <name>PublishedScreen</name>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Ngày đăng</translation>
    </message>
    <message>
        <source>Items on the portal now. The head can take an item down, giving a reason.</source>
        <translation>Các tin đang đăng trên cổng. Trưởng ban có thể gỡ tin, kèm lý do.</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <source>Citizens&apos; questions</source>
        <translation>Hỏi đáp của người dân</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Being answered</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Đã trả lời</translation>
    </message>
    <message>
        <source>Redirected</source>
        <translation>Đã chuyển</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Không tiếp nhận</translation>
    </message>
    <message>
        <source>%1 (late)</source>
        <translation>%1 (quá hạn)</translation>
    </message>
    <message>
        <source>%1 (due soon)</source>
        <translation>%1 (sắp đến hạn)</translation>
    </message>
    <message>
        <source>Choose a question in the list.</source>
        <translation>Chọn một câu hỏi trong danh sách.</translation>
    </message>
    <message>
        <source>Asked by %1 (%2), code %3</source>
        <translation>Người hỏi: %1 (%2), mã %3</translation>
    </message>
    <message>
        <source>The question was assigned.</source>
        <translation>Đã giao câu hỏi.</translation>
    </message>
    <message>
        <source>Name the competent agency and write what the asker will read.</source>
        <translation>Ghi tên cơ quan có thẩm quyền và nội dung người hỏi sẽ đọc.</translation>
    </message>
    <message>
        <source>The question was redirected; the asker sees it on the tracking page.</source>
        <translation>Đã chuyển câu hỏi; người hỏi thấy trên trang theo dõi.</translation>
    </message>
    <message>
        <source>Write the reason the asker will read.</source>
        <translation>Ghi lý do người hỏi sẽ đọc.</translation>
    </message>
    <message>
        <source>The question was declined.</source>
        <translation>Đã từ chối tiếp nhận câu hỏi.</translation>
    </message>
    <message>
        <source>The answer is a new draft of the Q&amp;A section: write it and send it on.</source>
        <translation>Câu trả lời là một bản nháp mới của chuyên mục Hỏi đáp: viết rồi gửi biên tập.</translation>
    </message>
    <message>
        <source>Questions citizens sent through the portal. Answer within 15 working days; redirect at once what another agency must answer. Contact details are for the board only.</source>
        <translation>Câu hỏi người dân gửi qua cổng thông tin. Trả lời trong 15 ngày làm việc; câu hỏi thuộc thẩm quyền cơ quan khác thì chuyển ngay. Thông tin liên hệ chỉ Ban Biên tập được xem.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Giao</translation>
    </message>
    <message>
        <source>Write the answer</source>
        <translation>Viết câu trả lời</translation>
    </message>
    <message>
        <source>Competent agency</source>
        <translation>Cơ quan có thẩm quyền</translation>
    </message>
    <message>
        <source>For the asker</source>
        <translation>Gửi người hỏi</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>Chuyển</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Từ chối</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <extracomment>The site&apos;s zone: every time shown is in it (models/clock). What the &quot;since&quot; column means on this queue (&quot;Waiting since&quot;, &quot;Published on&quot;…).</extracomment>
        <translation>Chờ từ</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Đã hẹn giờ đăng</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <source>Reading the list of items…</source>
        <translation>Đang đọc danh sách tin…</translation>
    </message>
    <message>
        <source>Nothing here right now.</source>
        <translation>Hiện chưa có tin nào.</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>Chờ từ</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Open</source>
        <extracomment>The Delete key or the context menu&apos;s &quot;Delete draft&quot; on a row (the screen decides). Whether rows offer &quot;Delete draft&quot; (My items); the screen checks each row.</extracomment>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Xóa bản nháp…</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F): title, category, author…</source>
        <translation>Lọc (Ctrl+F): tiêu đề, chuyên mục, tác giả…</translation>
    </message>
    <message>
        <source>Filter the list</source>
        <translation>Lọc danh sách</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Danh sách tin</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <source>Published: %1 · within the deadline: %2 · returned: %3 · rejected: %4 · taken down: %5</source>
        <translation>Đã đăng: %1 · đúng hạn: %2 · trả lại: %3 · từ chối: %4 · gỡ bỏ: %5</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>Đơn vị chịu trách nhiệm</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Số lượt</translation>
    </message>
    <message>
        <source>Average hours</source>
        <translation>Số giờ trung bình</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Items published</source>
        <translation>Tin đã đăng</translation>
    </message>
    <message>
        <source>by section</source>
        <translation>theo chuyên mục</translation>
    </message>
    <message>
        <source>by unit</source>
        <translation>theo đơn vị</translation>
    </message>
    <message>
        <source>Average hours at each step</source>
        <translation>Số giờ trung bình ở mỗi bước</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã đăng</translation>
    </message>
    <message>
        <source>Within deadline</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Taken down</source>
        <translation>Đã gỡ</translation>
    </message>
    <message>
        <source>Save the report as a Word file</source>
        <translation>Lưu báo cáo thành tệp Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Save the figures as CSV</source>
        <translation>Lưu số liệu thành tệp CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Khoảng ngày</translation>
    </message>
    <message>
        <source>Report period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Make the report</source>
        <translation>Lập báo cáo</translation>
    </message>
    <message>
        <source>Export .docx…</source>
        <translation>Xuất .docx…</translation>
    </message>
    <message>
        <source>The report in the province&apos;s template (BD-27)</source>
        <translation>Báo cáo theo mẫu của tỉnh (BD-27)</translation>
    </message>
    <message>
        <source>Export .csv…</source>
        <translation>Xuất .csv…</translation>
    </message>
    <message>
        <source>The raw figures, for a spreadsheet</source>
        <translation>Số liệu thô, để mở bằng bảng tính</translation>
    </message>
    <message>
        <source>By section</source>
        <translation>Theo chuyên mục</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>Time at each step</source>
        <translation>Thời gian mỗi bước</translation>
    </message>
    <message>
        <source>Take-downs</source>
        <translation>Tin bị gỡ</translation>
    </message>
    <message>
        <source>Nothing published in this period.</source>
        <translation>Không có tin nào được đăng trong kỳ này.</translation>
    </message>
</context>
<context>
    <name>RichEdit</name>
    <message numerus="yes">
        <source>%n picture(s) could not come with the paste: add them as files.</source>
        <translation>
            <numerusform>Không dán kèm được %n ảnh: hãy thêm ảnh từ tệp.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleFields</name>
    <message>
        <source>Publish at</source>
        <translation>Hẹn giờ đăng</translation>
    </message>
    <message>
        <source>Approved items stay off the public pages until this minute.</source>
        <translation>Tin đã duyệt chỉ hiện trên cổng từ thời điểm này.</translation>
    </message>
    <message>
        <source>Take down at</source>
        <translation>Hết hạn đăng</translation>
    </message>
    <message>
        <source>The portal takes the item down by itself at this minute.</source>
        <translation>Cổng thông tin tự gỡ tin vào thời điểm này.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>%n waiting</source>
        <translation>%n đang chờ</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search (Ctrl+K)</source>
        <translation>Tìm kiếm (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search all items</source>
        <translation>Tìm trong mọi tin</translation>
    </message>
    <message>
        <source>Search all items, with or without accents (Ctrl+K or Ctrl+Shift+F)</source>
        <translation>Tìm trong mọi tin, gõ có dấu hoặc không dấu (Ctrl+K hoặc Ctrl+Shift+F)</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa có tiêu đề)</translation>
    </message>
    <message>
        <source>Type words, with or without accents. Enter opens the selected item.</source>
        <translation>Gõ từ cần tìm, có dấu hoặc không dấu. Enter mở tin đang chọn.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Không tìm thấy tin nào.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) found, best first.</source>
        <translation>
            <numerusform>Tìm thấy %n tin, phù hợp nhất trước.</numerusform>
        </translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Search titles, summaries, bodies, sources, authors and document numbers</source>
        <translation>Tìm trong tiêu đề, tóm tắt, nội dung, nguồn, tác giả và số hiệu văn bản</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Từ cần tìm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>The first day (a dash: no limit)</source>
        <translation>Ngày đầu (gạch ngang: không giới hạn)</translation>
    </message>
    <message>
        <source>The last day (a dash: no limit)</source>
        <translation>Ngày cuối (gạch ngang: không giới hạn)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Kết quả tìm kiếm</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>The portal cannot be reached. Your work is kept on this computer and will be sent when the connection is back.</source>
        <translation>Không kết nối được cổng thông tin. Công việc của bạn được giữ trên máy này và sẽ được gửi khi có kết nối.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Đã xảy ra lỗi: %1</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Sync every</source>
        <translation>&amp;Đồng bộ mỗi</translation>
    </message>
    <message>
        <source>&amp;Font size</source>
        <translation>&amp;Cỡ chữ</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Thông báo</translation>
    </message>
    <message>
        <source>&amp;Lock after idle for</source>
        <translation>&amp;Khóa khi không dùng quá</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Đang đăng nhập</translation>
    </message>
    <message>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Đổi mật khẩu…</translation>
    </message>
    <message>
        <source>Tell me when an item enters my queue, or mine is returned or published</source>
        <translation>Báo khi có tin chờ tôi xử lý, hoặc tin của tôi bị trả lại hay được đăng</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation>Chu kỳ đồng bộ</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Cỡ chữ</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Idle lock minutes</source>
        <translation>Số phút trước khi khóa</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <source>Starting…</source>
        <extracomment>What start-up goes through, in order (``Splash.say``).</extracomment>
        <translation>Đang khởi động…</translation>
    </message>
    <message>
        <source>Starting the demo portal…</source>
        <translation>Đang khởi động cổng thông tin thử nghiệm…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Fetching the board&apos;s items…</source>
        <translation>Đang tải các tin của ban biên tập…</translation>
    </message>
    <message>
        <source>Opening the window…</source>
        <translation>Đang mở cửa sổ…</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>1 Write (Cập nhật tin)</source>
        <translation>1 Cập nhật tin</translation>
    </message>
    <message>
        <source>2 Edit (Biên tập tin)</source>
        <translation>2 Biên tập tin</translation>
    </message>
    <message>
        <source>3 Approve (Duyệt tin)</source>
        <translation>3 Duyệt tin</translation>
    </message>
    <message>
        <source>Workflow step</source>
        <translation>Bước trong quy trình</translation>
    </message>
</context>
<context>
    <name>TakenDownScreen</name>
    <message>
        <source>Taken down or rejected</source>
        <translation>Đã gỡ hoặc bị từ chối</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Ngày dừng</translation>
    </message>
    <message>
        <source>Items taken down or rejected. They and their history are kept.</source>
        <translation>Các tin đã gỡ bỏ hoặc bị từ chối. Tin và lịch sử của tin vẫn được lưu.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Fill in the portal address, your account and your password.</source>
        <translation>Hãy nhập địa chỉ cổng thông tin, tài khoản và mật khẩu.</translation>
    </message>
    <message>
        <source>Editorial desk</source>
        <translation>Bàn biên tập</translation>
    </message>
    <message>
        <source>Welcome to the editorial desk</source>
        <translation>Chào mừng đến với Bàn biên tập</translation>
    </message>
    <message>
        <source>Connect to your portal with the account the administrator gave you. Or try the demo: a portal on this computer with sample items and accounts.</source>
        <translation>Kết nối với cổng thông tin bằng tài khoản quản trị viên đã cấp. Hoặc dùng thử bản trình diễn: một cổng thông tin chạy ngay trên máy này, có sẵn tin và tài khoản mẫu.</translation>
    </message>
    <message>
        <source>Portal &amp;address</source>
        <translation>&amp;Địa chỉ cổng</translation>
    </message>
    <message>
        <source>A&amp;ccount</source>
        <translation>&amp;Tài khoản</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation>Địa chỉ cổng</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Thử bản trình diễn</translation>
    </message>
</context>
</TS>
