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
      <source>Approve and publish %n item(s)? They will appear on the portal.</source>
      <translation>
        <numerusform>Duyệt và đăng %n tin? Các tin sẽ xuất hiện trên cổng thông tin.</numerusform>
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
    <name>ConflictsScreen</name>
    <message>
      <source>Conflicts</source>
      <translation>Xung đột</translation>
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
    <name>ItemEditor</name>
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
      <extracomment>The action Ctrl+Enter does, in order of preference.</extracomment>
      <translation>(chưa có tiêu đề)</translation>
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
      <source>Changes since the author submitted it (version %1): added text in green, removed text struck through in red.</source>
      <translation>Thay đổi so với bản người viết đã gửi (phiên bản %1): phần thêm tô xanh, phần bỏ gạch ngang tô đỏ.</translation>
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
    <name>MainWindow</name>
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
    <name>MarkdownToolbar</name>
    <message>
      <source>bold text</source>
      <translation>chữ đậm</translation>
    </message>
    <message>
      <source>italic text</source>
      <translation>chữ nghiêng</translation>
    </message>
    <message>
      <source>link text</source>
      <translation>chữ liên kết</translation>
    </message>
    <message>
      <source>image description</source>
      <translation>mô tả ảnh</translation>
    </message>
    <message>
      <source>Column 1</source>
      <translation>Cột 1</translation>
    </message>
    <message>
      <source>Column 2</source>
      <translation>Cột 2</translation>
    </message>
    <message>
      <source>cell</source>
      <translation>ô</translation>
    </message>
    <message>
      <source>B</source>
      <translation>Đ</translation>
    </message>
    <message>
      <source>Bold (Ctrl+B)</source>
      <translation>In đậm (Ctrl+B)</translation>
    </message>
    <message>
      <source>I</source>
      <translation>N</translation>
    </message>
    <message>
      <source>Italic (Ctrl+I)</source>
      <translation>In nghiêng (Ctrl+I)</translation>
    </message>
    <message>
      <source>Heading</source>
      <translation>Đề mục</translation>
    </message>
    <message>
      <source>Make the line a heading</source>
      <translation>Biến dòng thành đề mục</translation>
    </message>
    <message>
      <source>List</source>
      <translation>Liệt kê</translation>
    </message>
    <message>
      <source>Make the lines a bulleted list</source>
      <translation>Biến các dòng thành danh sách liệt kê</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Trích dẫn</translation>
    </message>
    <message>
      <source>Make the lines a quotation</source>
      <translation>Biến các dòng thành đoạn trích dẫn</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Liên kết</translation>
    </message>
    <message>
      <source>Insert a link (Ctrl+K)</source>
      <translation>Chèn liên kết (Ctrl+K)</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>Ảnh</translation>
    </message>
    <message>
      <source>Insert an image</source>
      <translation>Chèn ảnh</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Bảng</translation>
    </message>
    <message>
      <source>Insert a table</source>
      <translation>Chèn bảng</translation>
    </message>
    <message>
      <source>Formatting</source>
      <translation>Định dạng</translation>
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
      <source>My items</source>
      <translation>Tin của tôi</translation>
    </message>
    <message>
      <source>Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts.</source>
      <translation>Bước 1: viết tin rồi gửi biên tập. Tin bị trả lại sẽ về đây dưới dạng bản nháp.</translation>
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
    <name>PublishedScreen</name>
    <message>
      <source>Published</source>
      <translation>Đã đăng</translation>
    </message>
    <message>
      <source>Items on the portal now. The head can take an item down, giving a reason.</source>
      <translation>Các tin đang đăng trên cổng. Trưởng ban có thể gỡ tin, kèm lý do.</translation>
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
      <translation>Chờ từ</translation>
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
      <source>Nothing here right now.</source>
      <translation>Hiện chưa có tin nào.</translation>
    </message>
  </context>
  <context>
    <name>QueueView</name>
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
      <source>&amp;Sync every (seconds)</source>
      <translation>&amp;Đồng bộ mỗi (giây)</translation>
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
      <source>Taken down</source>
      <translation>Đã gỡ, bị từ chối</translation>
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
