; Inno Setup 6 script of Écoute's Windows installer (installers/README.md).
; Build on Windows after PyInstaller, from the repository root:
;   pyinstaller installers\ecoute.spec --noconfirm
;   iscc /DAppVersion=0.1.0 installers\windows\ecoute.iss
; Result: dist\Ecoute-<version>-installation-windows.exe. Saved as UTF-8 with a BOM so that
; Inno Setup reads the accents.
;
; What the volunteer gets: a French wizard; an install for themselves only, with no
; administrator password (PrivilegesRequired=lowest: the app goes to
; %LOCALAPPDATA%\Programs\Ecoute, shortcuts to their own Start menu and desktop); an
; uninstaller that removes the program only. Their encrypted database and its backups live
; in %APPDATA%\Ecoute (or a folder they chose), which this script never names in
; [UninstallDelete] or [Code]: the uninstaller leaves them, and says so.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Écoute"
#define AppExe "Ecoute.exe"

[Setup]
; Never change AppId: Windows recognises updates and the uninstaller by it.
AppId={{7D4F2A8E-3B61-4C1E-9E52-0C6A1F5B8D34}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Point d'écoute
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt, nothing outside the user's profile.
PrivilegesRequired=lowest
; {autopf} is %LOCALAPPDATA%\Programs in a per-user install; ASCII folder name on purpose.
DefaultDirName={autopf}\Ecoute
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=no
SetupIconFile=..\icons\ecoute.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=Ecoute-{#AppVersion}-installation-windows
Compression=lzma2
SolidCompression=yes
; Close a running Écoute before replacing its files (its database is saved as it goes).
CloseApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Messages]
; Inno's default asks to remove Écoute « ainsi que tous ses composants »: a volunteer
; could fear for their cases. Say what stays.
french.ConfirmUninstall=Voulez-vous désinstaller %1 ?%n%nVotre base chiffrée et vos sauvegardes ne seront pas supprimées.

[CustomMessages]
french.DataKept=Écoute a été désinstallé.%n%nVotre base chiffrée et vos sauvegardes n'ont pas été supprimées. Elles restent dans le dossier :%n%1%n(et dans le dossier de sauvegarde que vous avez choisi, s'il est ailleurs).%n%nSi vous réinstallez Écoute, vous les retrouverez avec votre phrase de passe.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\Ecoute\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    SuppressibleMsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{userappdata}\Ecoute')]),
      mbInformation, MB_OK, IDOK);
end;
