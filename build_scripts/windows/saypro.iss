; Inno Setup script: a per-user installer for SayPro Field Learning (no administrator rights
; needed, which is how most field laptops are set up). Build on Windows, after the one-folder build:
;
;   py build_scripts\build_executable.py --mode onedir
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 build_scripts\windows\saypro.iss
;
; Output: dist\SayPro-Field-Learning-<version>-setup.exe. Installing a newer version over an older
; one replaces the program files only; each profile (in %LOCALAPPDATA%\SayPro\saypro-field-learning)
; is backed up and upgraded by the app the first time the new version starts.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SayPro Field Learning"
#define AppExe "saypro-desktop.exe"
#define SourceDir "..\..\dist\onedir\saypro-field-learning"

[Setup]
AppId={{6F1C2B7E-5A43-4C1B-9E0A-2D7B4C9E8F15}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SayPro
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=SayPro-Field-Learning-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\saypro.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new one no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Remove the optional start-at-login entry (saypro_desktop/autostart.py) with the program.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "SayProFieldLearning"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
