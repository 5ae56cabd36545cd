/* The --wrap side of handles.h: each wrapper counts, then calls the real SDL function. Only
 * calls from the kiosk's objects and the soak are wrapped; SDL's calls to itself are not. */
#include "handles.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "file_read.h"

static struct handles live;
static bool leak_textures;

struct handles handles_live(void)
{
    return live;
}

void handles_leak_textures(bool leak)
{
    leak_textures = leak;
}

/* The linker resolves __real_X to the library's X and the kiosk's calls to X to __wrap_X. */
SDL_Texture *__real_SDL_CreateTexture(SDL_Renderer *r, Uint32 format, int access, int w, int h);
SDL_Texture *__real_SDL_CreateTextureFromSurface(SDL_Renderer *r, SDL_Surface *s);
void __real_SDL_DestroyTexture(SDL_Texture *t);
TTF_Font *__real_TTF_OpenFontRW(SDL_RWops *src, int freesrc, int ptsize);
void __real_TTF_CloseFont(TTF_Font *font);
SDL_Surface *__real_TTF_RenderUTF8_Blended(TTF_Font *font, const char *text, SDL_Color fg);
SDL_Surface *__real_IMG_LoadPNG_RW(SDL_RWops *src);
SDL_Surface *__real_IMG_LoadJPG_RW(SDL_RWops *src);
SDL_Surface *__real_SDL_ConvertSurfaceFormat(SDL_Surface *s, Uint32 format, Uint32 flags);
SDL_Surface *__real_IMG_LoadSizedSVG_RW(SDL_RWops *src, int width, int height);
void __real_SDL_FreeSurface(SDL_Surface *s);
SDL_Surface *__real_SDL_CreateRGBSurfaceWithFormat(Uint32 flags, int w, int h, int depth,
                                                   Uint32 format);
enum file_read_status __real_file_read(const char *path, size_t limit, struct file_bytes *out,
                                       int *error);

SDL_Texture *__wrap_SDL_CreateTexture(SDL_Renderer *r, Uint32 format, int access, int w, int h);
SDL_Texture *__wrap_SDL_CreateTextureFromSurface(SDL_Renderer *r, SDL_Surface *s);
void __wrap_SDL_DestroyTexture(SDL_Texture *t);
TTF_Font *__wrap_TTF_OpenFontRW(SDL_RWops *src, int freesrc, int ptsize);
void __wrap_TTF_CloseFont(TTF_Font *font);
SDL_Surface *__wrap_TTF_RenderUTF8_Blended(TTF_Font *font, const char *text, SDL_Color fg);
SDL_Surface *__wrap_IMG_LoadPNG_RW(SDL_RWops *src);
SDL_Surface *__wrap_IMG_LoadJPG_RW(SDL_RWops *src);
SDL_Surface *__wrap_SDL_ConvertSurfaceFormat(SDL_Surface *s, Uint32 format, Uint32 flags);
SDL_Surface *__wrap_IMG_LoadSizedSVG_RW(SDL_RWops *src, int width, int height);
void __wrap_SDL_FreeSurface(SDL_Surface *s);
SDL_Surface *__wrap_SDL_CreateRGBSurfaceWithFormat(Uint32 flags, int w, int h, int depth,
                                                   Uint32 format);
enum file_read_status __wrap_file_read(const char *path, size_t limit, struct file_bytes *out,
                                       int *error);

SDL_Texture *__wrap_SDL_CreateTexture(SDL_Renderer *r, Uint32 format, int access, int w, int h)
{
    SDL_Texture *t = __real_SDL_CreateTexture(r, format, access, w, h);
    live.textures += t != NULL;
    return t;
}

SDL_Texture *__wrap_SDL_CreateTextureFromSurface(SDL_Renderer *r, SDL_Surface *s)
{
    SDL_Texture *t = __real_SDL_CreateTextureFromSurface(r, s);
    live.textures += t != NULL;
    return t;
}

void __wrap_SDL_DestroyTexture(SDL_Texture *t)
{
    static unsigned long destroyed;
    if (!t || (leak_textures && ++destroyed % 50 == 0)) {
        return;
    }
    live.textures--;
    __real_SDL_DestroyTexture(t);
}

TTF_Font *__wrap_TTF_OpenFontRW(SDL_RWops *src, int freesrc, int ptsize)
{
    TTF_Font *f = __real_TTF_OpenFontRW(src, freesrc, ptsize);
    live.fonts += f != NULL;
    return f;
}

void __wrap_TTF_CloseFont(TTF_Font *font)
{
    live.fonts -= font != NULL;
    __real_TTF_CloseFont(font);
}

SDL_Surface *__wrap_TTF_RenderUTF8_Blended(TTF_Font *font, const char *text, SDL_Color fg)
{
    SDL_Surface *s = __real_TTF_RenderUTF8_Blended(font, text, fg);
    live.surfaces += s != NULL;
    return s;
}

SDL_Surface *__wrap_IMG_LoadPNG_RW(SDL_RWops *src)
{
    SDL_Surface *s = __real_IMG_LoadPNG_RW(src);
    live.surfaces += s != NULL;
    return s;
}

SDL_Surface *__wrap_IMG_LoadJPG_RW(SDL_RWops *src)
{
    SDL_Surface *s = __real_IMG_LoadJPG_RW(src);
    live.surfaces += s != NULL;
    return s;
}

SDL_Surface *__wrap_SDL_ConvertSurfaceFormat(SDL_Surface *from, Uint32 format, Uint32 flags)
{
    SDL_Surface *s = __real_SDL_ConvertSurfaceFormat(from, format, flags);
    live.surfaces += s != NULL;
    return s;
}

SDL_Surface *__wrap_IMG_LoadSizedSVG_RW(SDL_RWops *src, int width, int height)
{
    SDL_Surface *s = __real_IMG_LoadSizedSVG_RW(src, width, height);
    live.surfaces += s != NULL;
    return s;
}

SDL_Surface *__wrap_SDL_CreateRGBSurfaceWithFormat(Uint32 flags, int w, int h, int depth,
                                                   Uint32 format)
{
    SDL_Surface *s = __real_SDL_CreateRGBSurfaceWithFormat(flags, w, h, depth, format);
    live.surfaces += s != NULL;
    return s;
}

void __wrap_SDL_FreeSurface(SDL_Surface *s)
{
    live.surfaces -= s != NULL;
    __real_SDL_FreeSurface(s);
}

enum file_read_status __wrap_file_read(const char *path, size_t limit, struct file_bytes *out,
                                       int *error)
{
    live.reads++;
    return __real_file_read(path, limit, out, error);
}
