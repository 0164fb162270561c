; Inno Setup 6 script: the Windows installer for planwriter.
;
; Build the frozen app first (python packaging\build.py), then, from the repository root:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\planwriter.iss
;
; Result: dist\planwriter-<version>-windows-setup.exe. It installs for the current user without
; administrator rights (or for everyone when the user chooses so), adds a Start menu entry, opens
; .pwcase case files with planwriter, and registers an uninstaller in Settings > Apps.

#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\..\dist\planwriter"
#endif
#ifndef AppVersion
  ; Without /DAppVersion, take the version PyInstaller wrote into planwriter.exe (from planwriter.__version__).
  #define AppVersion GetVersionNumbersString(SourceDir + "\planwriter.exe")
#endif
#if AppVersion == ""
  #error Build the frozen app first (python packaging\build.py) or pass /DAppVersion=X.Y.Z
#endif
#define AppName "planwriter"
#define AppExe "planwriter.exe"
#define CaseProgId "planwriter.case"

[Setup]
; AppId identifies planwriter for upgrades and the uninstaller: never change it.
AppId={{10370800-4A53-4F1E-8265-454BF9CDA227}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=planwriter
AppComments=Drafts IEP and Section 504 letters and documents as Word files, offline.
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
#if Ver >= EncodeVer(6, 3, 0)
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
#else
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
#endif
ChangesAssociations=yes
Uninstallable=yes
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\..\resources\icons\planwriter.ico
OutputDir=..\..\dist
OutputBaseFilename=planwriter-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Draft letters and plans for school meetings"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .pwcase files open in planwriter and show its icon. Everything is removed again on uninstall.
Root: HKA; Subkey: "Software\Classes\.pwcase"; ValueType: string; ValueName: ""; ValueData: "{#CaseProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pwcase"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-planwriter-case"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pwcase\OpenWithProgids"; ValueType: string; ValueName: "{#CaseProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#CaseProgId}"; ValueType: string; ValueName: ""; ValueData: "planwriter case"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#CaseProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#CaseProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pwcase"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put in {app}; the user's cases and settings are never deleted.
Type: filesandordirs; Name: "{app}\_internal"
