# Sign a file with the Authenticode certificate from CI secrets, so SmartScreen and the
# installer's UAC prompt name the publisher. Reads WINDOWS_CERTIFICATE (the .pfx, base64)
# and WINDOWS_CERTIFICATE_PASSWORD from the environment; the password reaches only the
# certificate import, never a command line: signtool picks the certificate by thumbprint.
#
#   packaging/windows/sign.ps1 dist/HarvestContacts/addressbook.exe
param([Parameter(Mandatory = $true)][string]$Path)
$ErrorActionPreference = "Stop"

$pfx = Join-Path $env:RUNNER_TEMP "certificate.pfx"
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE))
try {
    $password = ConvertTo-SecureString $env:WINDOWS_CERTIFICATE_PASSWORD -AsPlainText -Force
    $certificate = Import-PfxCertificate -FilePath $pfx -Password $password `
        -CertStoreLocation Cert:\CurrentUser\My
}
finally {
    Remove-Item $pfx -ErrorAction SilentlyContinue
}
# signtool ships with the Windows SDK on the runners; take the newest x64 one.
$signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
    Sort-Object FullName -Descending | Select-Object -First 1
& $signtool.FullName sign /sha1 $certificate.Thumbprint /s My /fd SHA256 `
    /tr http://timestamp.digicert.com /td SHA256 /d "Harvest Contacts" $Path
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& $signtool.FullName verify /pa $Path
exit $LASTEXITCODE
