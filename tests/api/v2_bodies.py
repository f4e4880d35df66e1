"""Harvest v2 bodies exactly as quoted in harvest-api-v2.md (docs examples and recordings)."""

DOCS_USERS_ME = b'{"id":1782884,"first_name":"Bob","last_name":"Powell","email":"bobpowell@example.com","telephone":"","timezone":"Mountain Time (US & Canada)","has_access_to_all_future_projects":false,"is_contractor":false,"is_active":true,"created_at":"2020-05-01T20:41:00Z","updated_at":"2020-05-01T20:42:25Z","weekly_capacity":126000,"default_hourly_rate":100.0,"cost_rate":75.0,"roles":["Founder","CEO"],"access_roles":["administrator"],"avatar_url":"https://cache.harvestapp.com/assets/profile_images/allen_bradley_clock_tower.png?1498509661"}'  # noqa: E501

USERS_ME_ADMIN_2019 = b'{"id":2348607,"first_name":"Alexander","last_name":"Hamilton","email":"scott+harvested@corgibytes.com","telephone":"","timezone":"Eastern Time (US & Canada)","weekly_capacity":126000,"has_access_to_all_future_projects":false,"is_contractor":false,"is_admin":true,"is_project_manager":false,"can_see_rates":true,"can_create_projects":true,"can_create_invoices":true,"is_active":true,"created_at":"2018-09-13T15:00:54Z","updated_at":"2019-01-14T03:42:13Z","default_hourly_rate":null,"cost_rate":null,"roles":[],"avatar_url":"https://cache.harvestapp.com/assets/profile_images/big_ben.png?1536850854"}'  # noqa: E501

DOCS_COMPANY = b'{"base_uri":"https://{ACCOUNT_SUBDOMAIN}.harvestapp.com","full_domain":"{ACCOUNT_SUBDOMAIN}.harvestapp.com","name":"API Examples","is_active":true,"week_start_day":"Monday","wants_timestamp_timers":true,"time_format":"hours_minutes","date_format":"%Y-%m-%d","plan_type":"sponsored","expense_feature":true,"invoice_feature":true,"estimate_feature":true,"approval_feature":true,"clock":"12h","currency_code_display":"iso_code_none","currency_symbol_display":"symbol_before","decimal_symbol":".","thousands_separator":",","color_scheme":"orange","weekly_capacity":126000}'  # noqa: E501

DOCS_CLIENT_GET = b'{"id":5735776,"name":"123 Industries","is_active":true,"address":"123 Main St.\\r\\nAnytown, LA 71223","statement_key":"0a39d3e33c8058cf7c3f8097d854c64e","created_at":"2017-06-26T21:02:12Z","updated_at":"2017-06-26T21:34:11Z","currency":"EUR"}'  # noqa: E501

CLIENT_CREATE_201_2021 = b'{"id":10331953,"name":"Mr. Robot","is_active":true,"address":null,"statement_key":"b0e8f3951e5cd5b28ad3ea7a8f6311ab","created_at":"2021-01-15T02:39:10Z","updated_at":"2021-01-15T02:39:10Z","currency":"USD"}'  # noqa: E501

DOCS_CONTACT_GET = b'{"id":4706479,"title":"Owner","first_name":"Jane","last_name":"Doe","email":"janedoe@example.com","phone_office":"(203) 697-8885","phone_mobile":"(203) 697-8886","fax":"(203) 697-8887","created_at":"2017-06-26T21:20:07Z","updated_at":"2017-06-26T21:27:07Z","client":{"id":5735774,"name":"ABC Corp"}}'  # noqa: E501

CONTACT_CREATE_201 = b'{"id":7140797,"title":null,"first_name":"Jon","last_name":"Snow","email":"","phone_office":"","phone_mobile":"","fax":"","created_at":"2019-01-25T18:31:10Z","updated_at":"2019-01-25T18:31:10Z","client":{"id":7722246,"name":"Pepe"}}'  # noqa: E501

CONTACTS_LIST_ADMIN_200 = b'{"contacts":[{"id":7140798,"title":null,"first_name":"Cersei","last_name":"Lannister","email":"","phone_office":"","phone_mobile":"","fax":"","created_at":"2019-01-25T18:31:12Z","updated_at":"2019-01-25T18:31:12Z","client":{"id":7722247,"name":"Toto"}},{"id":7140797,"title":null,"first_name":"Jon","last_name":"Snow","email":"","phone_office":"","phone_mobile":"","fax":"","created_at":"2019-01-25T18:31:10Z","updated_at":"2019-01-25T18:31:10Z","client":{"id":7722246,"name":"Pepe"}}],"per_page":100,"total_pages":1,"total_entries":2,"next_page":null,"previous_page":null,"page":1,"links":{"first":"https://api.harvestapp.com/v2/contacts?page=1&per_page=100","next":null,"previous":null,"last":"https://api.harvestapp.com/v2/contacts?page=1&per_page=100"}}'  # noqa: E501

ERROR_401 = b'{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed or invalid for other reasons."}'  # noqa: E501
ERROR_403 = b'{"message":"Not authorized!"}'
ERROR_404_JSON = b'{"status":404,"error":"Not Found"}'
ERROR_422_2019 = b'{"message":"Project can\'t be blank, Task can\'t be blank, Spent date can\'t be blank, Spent date is not a valid date"}'  # noqa: E501
ERROR_422_2021 = (
    b'{"message":"This client is not removable. It still has projects and/or invoices."}'  # noqa: E501
)
# The docs' sample cursor link (§8).
NEXT_CURSOR_LINK = "https://api.harvestapp.com/v2/clients?cursor=eyJhZnRlciI6eyJpZCI6MzAwN319&per_page=2000&ref=next_cursor"  # noqa: E501
