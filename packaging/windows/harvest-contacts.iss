; Inno Setup script for the Windows installer of Harvest Contacts.
;
;   iscc /DAppVersion=1.2.3 packaging\windows\harvest-contacts.iss
;
; Packs the one-folder bundle (dist\HarvestContacts, from packaging\addressbook.spec) into
; dist\HarvestContacts-<version>-windows-x64-setup.exe. The installer needs no
; administrator rights: by default it installs for the current user only, into
; %LOCALAPPDATA%\Programs\Harvest Contacts (its dialog offers all users to an admin). It
; adds a Start menu entry, an optional desktop icon and an uninstaller (Settings > Apps).
; The version comes from addressbook.__version__ (the release workflow passes it).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging\platform_bundle.py version)
#endif
#ifndef AppNumericVersion
  ; Windows version resources take up to four numbers: 1.2.3 but not 1.2.3rc1.
  #define AppNumericVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\HarvestContacts"
#endif
#define AppName "Harvest Contacts"
#define AppExe "addressbook.exe"

[Setup]
; Never change AppId: Windows finds the installed app (upgrade, uninstall) by it.
AppId={{5C0F3E7A-8B9D-4F21-9E6A-2D4B7C1A0F53}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Harvest Contacts
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without admin rights; an administrator may still choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=HarvestContacts-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\harvest-contacts.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced.
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Your Harvest client contacts"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes what [Files] installed. The user's contacts cache, settings and
; the password in the Credential Locker stay, as with every Windows application.
