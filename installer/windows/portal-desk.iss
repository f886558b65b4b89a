; Inno Setup 6 script for Bàn biên tập (portal-desk) on Windows.
;
; Built by installer/build on Windows, which freezes the app first and then runs
;   ISCC /DAppVersion=<desktop.__version__> /DBundleDir=<dist\portal-desk> /DIconFile=<app.ico> portal-desk.iss
; The version has one source, desktop.__version__: this script refuses to compile without it.
;
; A per-user install (no administrator rights): the program goes to
; %LOCALAPPDATA%\Programs\Ban bien tap, its Start menu entry to the user's Start menu. The
; person's drafts, settings and keychain entries live elsewhere (platformdirs: %LOCALAPPDATA%\
; ban-bien-tap, the registry's QSettings, Windows Credential Manager), so an upgrade or an
; uninstall never touches them.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (desktop.__version__); installer/build does it.
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\portal-desk"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\installer\stage\app.ico"
#endif

#define AppName "Bàn biên tập"
#define AppExeName "portal-desk.exe"

[Setup]
; The AppId identifies the program across upgrades: never change it.
AppId={{8E3C9B57-4D0A-4F5E-9B6C-2A71D3F0C4B1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Bàn biên tập
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\Ban bien tap
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=portal-desk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.DemoShortcut=Bàn biên tập (dùng thử)
en.DemoShortcut=Bàn biên tập (demo)
vi.DataKept=Bản nháp và cài đặt của bạn được giữ lại khi gỡ chương trình.
en.DataKept=Your drafts and settings are kept when the program is removed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole frozen bundle: no stale library from the old version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#AppExeName}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed, never the user's data.
