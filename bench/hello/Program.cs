// Kestrel's hello world, with the bot's hosting defaults: the ceiling the bot's endpoints are compared to.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => "Hello World!");
app.Run();
